import { COMMENT_BUDGET, Fitted, JOB_SUMMARY_BUDGET, Measure, characters, fitLines, sizeOfLines, utf8Bytes } from "./budget";
import { marker, planMarker } from "./marker";
import { PlanJson, countPlan, hasChanges, isNotable, managedChanges } from "./plan";
import { planHash } from "./plan-hash";
import { diffLines, fenceFor } from "./plan-text";
import { MonthlyCost, costLine, countsLine, groupLines, warningLines } from "./sections";

/** Where a plan was made and where its full text and plan file are kept. */
export interface PlanSource {
  /** The commit that was planned. */
  head: string;
  runId: string;
  /** The run's page; its job summary holds the full plan text. */
  runUrl: string;
  /** The artifact holding the plan file and `plan.txt`; the URL when the upload step gave one. */
  artifact?: { name: string; url?: string };
}

export interface PlanCommentInput {
  /** A PR's plan comment, or the body of a drift issue on the default branch. */
  kind: "plan" | "drift";
  env: string;
  /** `terraform show -json <planfile>`. */
  plan: PlanJson;
  /** `terraform show -no-color <planfile>`. */
  planText: string;
  source: PlanSource;
  /** The estimator's monthly figures; the comment says "unavailable" without them. */
  cost?: MonthlyCost;
}

export interface RenderOptions {
  budget: number;
  measure: Measure;
  /** Where a reader finds what a cut left out, as markdown ("the [job summary](…)"). */
  fullPlanAt: string;
}

const artifactFile = (source: PlanSource) => (source.artifact ? `the \`${source.artifact.name}\` artifact (\`plan.txt\`)` : undefined);

/** A PR comment or an issue body: GitHub's limit, pointing at the job summary and the artifact. */
export function commentOptions(source: PlanSource): RenderOptions {
  const places = [`the [job summary](${source.runUrl})`, artifactFile(source)].filter((place) => place !== undefined);
  return { budget: COMMENT_BUDGET, measure: characters, fullPlanAt: places.join(" and ") };
}

/** The job summary: 1 MiB, pointing at the artifact, or at the job's log when nothing was uploaded. */
export function jobSummaryOptions(source: PlanSource): RenderOptions {
  return { budget: JOB_SUMMARY_BUDGET, measure: utf8Bytes, fullPlanAt: artifactFile(source) ?? "this job's log" };
}

interface Section {
  name: string;
  lines: string[];
  head: string[];
  tail: string[];
  /** The line that stands for the `cut` lines left out. */
  more: (cut: number) => string;
}

/**
 * One markdown body for one env: header and counts, the destroy/replace warning, the cost, the
 * changes by module and type, then the plan text, all within one size budget. When it does not
 * fit, the plan text is cut first (at a line), then the list of changes, then the warning list,
 * each only once the one before is gone; a note says what was cut and where the rest is.
 */
export function renderPlanComment(input: PlanCommentInput, options: RenderOptions = commentOptions(input.source)): string {
  const { env, plan, source } = input;
  const { measure } = options;
  const counts = countPlan(plan);
  const changes = managedChanges(plan);
  const hash = planHash(plan);

  const where = options.fullPlanAt;
  const head = [
    input.kind === "plan" ? planMarker({ env, plan: hash, head: source.head, run: source.runId, changes: hasChanges(counts) }) : marker("drift", env),
    input.kind === "plan" ? `### Terraform plan for \`${env}\`` : `### Drift in \`${env}\`: planning the default branch finds changes`,
    "",
    hasChanges(counts) ? countsLine(counts) : `**No changes.** \`${env}\` matches the configuration.`,
    "",
  ];
  const cost = [costLine(input.cost), ""];
  const text = diffLines(input.planText);
  const fence = fenceFor(text);
  const artifact = source.artifact && (source.artifact.url ? `[\`${source.artifact.name}\`](${source.artifact.url})` : `\`${source.artifact.name}\``);
  const footer = [
    [
      `<sub>Commit \`${source.head.slice(0, 12)}\``,
      `[run ${source.runId}](${source.runUrl})`,
      ...(artifact ? [`artifact ${artifact}`] : []),
      `plan \`${hash.slice(0, 19)}…\``,
      "a replacement counts once, not as add + destroy</sub>",
    ].join(" · "),
  ];

  // In the order they give way: the warning keeps its room longest, the plan text is cut first.
  // A section's head and tail show only when some of its lines do; the plan text's block always shows.
  const warnings = warningLines(changes);
  const sections: Section[] = [
    {
      name: "destroy and replace list",
      lines: warnings,
      head: ["> [!CAUTION]", `> **${warnings.length} to destroy or replace in \`${env}\`**`],
      tail: [""],
      more: (n) => `> - … and ${n} more: every one is in ${where}`,
    },
    {
      name: "list of changes",
      lines: groupLines(changes.filter(isNotable)),
      head: ["#### Changes by module and type", ""],
      tail: [""],
      more: (n) => `- … and ${n} more lines: the full list is in ${where}`,
    },
    { name: "plan text", lines: text, head: [], tail: [], more: (n) => `# … ${n.toLocaleString("en-US")} more lines cut` },
  ];
  const shown = (section: Section, fitted: Fitted) =>
    `${(section.lines.length - fitted.cut).toLocaleString("en-US")} of ${section.lines.length.toLocaleString("en-US")} lines shown`;
  const note = (fitted: Fitted[]) => {
    const cuts = sections.flatMap((section, i) => (fitted[i].cut > 0 ? [`${section.name}: ${shown(section, fitted[i])}`] : []));
    return cuts.length === 0 ? [] : ["> [!NOTE]", `> Shortened to fit GitHub's size limit (${cuts.join("; ")}). The full plan is in ${where}.`, ""];
  };
  const block = (i: number, fitted: Fitted[]) => (fitted[i].lines.length > 0 ? [...sections[i].head, ...fitted[i].lines, ...sections[i].tail] : []);
  const render = (fitted: Fitted[]) =>
    [
      ...head,
      ...block(0, fitted),
      ...cost,
      ...block(1, fitted),
      ...note(fitted),
      `<details><summary>Plan text (${text.length.toLocaleString("en-US")} lines)</summary>`,
      "",
      `${fence}diff`,
      ...block(2, fitted),
      fence,
      "",
      "</details>",
      "",
      ...footer,
    ].join("\n");

  const whole = render(sections.map((section) => ({ lines: section.lines, cut: 0 })));
  if (measure(whole) <= options.budget) return whole;

  // Room for the lines: the budget less everything else at its largest (every head and tail, and
  // the note with each "0 of N" grown to N's digits).
  const nothingFits = sections.map((section) => ({ lines: [], cut: section.lines.length }));
  const frames = sections.reduce((sum, section) => sum + (section.lines.length > 0 ? sizeOfLines([...section.head, ...section.tail], measure) : 0), 0);
  const noteGrowth = sections.reduce((sum, section) => sum + section.lines.length.toLocaleString("en-US").length - 1, 0);
  let room = options.budget - measure(render(nothingFits)) - frames - noteGrowth;
  let cutBefore = false;
  const fitted = sections.map((section, i) => {
    const result = cutBefore ? nothingFits[i] : fitLines(section.lines, room, measure, section.more);
    room -= sizeOfLines(result.lines, measure);
    cutBefore ||= result.cut > 0;
    return result;
  });
  const body = render(fitted);
  if (measure(body) > options.budget) throw new Error(`plan comment for ${env}: ${measure(body)} over the budget of ${options.budget}`);
  return body;
}
