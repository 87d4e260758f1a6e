import { layoutCapacity } from "../../modules/ecs-fargate/lgtm/sizing/capacity";
import { LgtmSizing, RoleSize } from "../../modules/ecs-fargate/lgtm/sizing/sizing";
import { CostEstimate, CostLine, HOURS_PER_MONTH, PlanEstimate } from "./estimate";
import { ManagedEstimate } from "./managed";
import { Architecture, Price, pricesFor } from "./prices";

/** Markdown tables, readable in a terminal, the README and a PR comment alike. */

export const dollars = (value: number) => `$${value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const amount = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });
const sourceOf = (price: Price) => `${price.source} ${price.date}${price.unverified ? " UNVERIFIED" : ""}`;

function table(header: string[], rows: string[][], rightAligned: number[] = []): string {
  const rule = header.map((_, i) => (rightAligned.includes(i) ? "---:" : "---"));
  return [header, rule, ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
}

function section(title: string, items: readonly string[]): string[] {
  return items.length > 0 ? ["", `${title}:`, ...items.map((item) => `- ${item}`)] : [];
}

/** The plan's cost before and after, line by line, with the services, what is not priced and every assumption. */
export function renderPlanEstimate(estimate: PlanEstimate): string {
  const { before, after } = estimate;
  const ids = [...new Set([...before.lines, ...after.lines].map((line) => line.id))];
  const find = (lines: readonly CostLine[], id: string) => lines.find((line) => line.id === id);
  const rows = ids.map((id) => {
    const old = find(before.lines, id);
    const now = find(after.lines, id);
    const shown = (now ?? old)!;
    return [shown.item, `${amount(shown.quantity)} ${shown.unit}`, `$${shown.unitPrice.usd}`, dollars(old?.monthlyUsd ?? 0), dollars(now?.monthlyUsd ?? 0), sourceOf(shown.unitPrice)];
  });
  rows.push(["**Total per month**", "", "", `**${dollars(before.totalUsd)}**`, `**${dollars(after.totalUsd)}**`, `change ${estimate.deltaUsd >= 0 ? "+" : "−"}${dollars(Math.abs(estimate.deltaUsd))}`]);
  const out = [
    `Monthly cost, ${estimate.region} (${HOURS_PER_MONTH} h/month; quantities after the plan; sources: tools/cost/prices.ts)`,
    "",
    table(["Item", "Quantity", "Unit price", "Before", "After", "Source"], rows, [1, 2, 3, 4]),
  ];
  if (after.services.length > 0) {
    out.push(
      "",
      "Fargate services after the plan:",
      "",
      table(
        ["Service", "Task definition", "Tasks", "On Spot", "Arch", "vCPU", "GB", "$/month"],
        after.services.map((service) => [
          service.address,
          service.taskDefinition,
          amount(service.tasks),
          amount(service.spotTasks),
          service.architecture,
          amount(service.vcpu),
          amount(service.memoryGb),
          dollars(service.monthlyUsd),
        ]),
        [2, 3, 5, 6, 7],
      ),
    );
  }
  out.push(...estimateSections(after));
  return out.join("\n");
}

function estimateSections(estimate: CostEstimate): string[] {
  return [
    ...section(
      "Not priced ($0 in the total)",
      estimate.notPriced.map((item) => `${item.address} (${item.type}): ${item.reason}`),
    ),
    ...section("Assumptions", estimate.assumptions),
    ...section("UNVERIFIED prices", estimate.unverified),
    ...section("Notes", estimate.notes),
  ];
}

/** The load on the managed options next to the self-hosted plan, each option's lines with their arithmetic. */
export function renderManaged(managed: ManagedEstimate, selfHosted: { label: string; usd: number }[]): string {
  const out = [
    `The same load on managed services, ${managed.region}, per month:`,
    "",
    table(["Option", "$/month"], [...selfHosted.map((row) => [row.label, dollars(row.usd)]), ...managed.options.map((option) => [option.name, dollars(option.totalUsd)])], [1]),
  ];
  for (const option of managed.options) {
    out.push(
      "",
      `${option.name}:`,
      "",
      table(["Item", "Arithmetic", "$/month"], [...option.lines.map((line) => [line.item, line.arithmetic, dollars(line.monthlyUsd)]), ["**Total**", "", `**${dollars(option.totalUsd)}**`]], [2]),
      ...section("Notes", option.notes),
    );
  }
  out.push(...section("Assumptions", managed.assumptions), ...section("UNVERIFIED prices", managed.unverified));
  return out.join("\n");
}

function monthlyFargate(size: RoleSize, region: string, architecture: Architecture): number {
  const prices = pricesFor(region);
  const rates = prices.fargate[architecture];
  const extra = Math.max(0, (size.ephemeralStorageGiB ?? 20) - 20);
  return size.tasks * HOURS_PER_MONTH * ((size.cpu / 1024) * rates.vcpuHour.usd + (size.memory / 1024) * rates.gbHour.usd + extra * prices.ephemeralGbHour.usd);
}

/** A sizing's roles, its Fargate cost on demand per architecture, its replication, notes and capacity. */
export function renderSizing(sizing: LgtmSizing, region: string): string {
  const roles = Object.entries(sizing.roles) as [string, RoleSize][];
  const total = (architecture: Architecture) => roles.reduce((sum, [, size]) => sum + monthlyFargate(size, region, architecture), 0);
  const rows = roles.map(([role, size]) => [
    role,
    String(size.tasks),
    amount(size.cpu / 1024),
    amount(size.memory / 1024),
    size.ephemeralStorageGiB ? String(size.ephemeralStorageGiB) : "",
    size.spot ? "yes" : "no",
    dollars(monthlyFargate(size, region, "arm64")),
    size.basis + (size.memcachedMiB ? ` (memcached -m ${size.memcachedMiB})` : ""),
  ]);
  const sum = (pick: (size: RoleSize) => number) => amount(roles.reduce((acc, [, size]) => acc + size.tasks * pick(size), 0));
  rows.push(["**Total**", sum(() => 1), sum((size) => size.cpu / 1024), sum((size) => size.memory / 1024), "", "", `**${dollars(total("arm64"))}**`, `x86_64: ${dollars(total("x86_64"))}`]);
  const r = sizing.replication;
  const out = [
    `Sizing "${sizing.name}": Fargate on demand, ${region} (Spot and other resources not included)`,
    "",
    table(["Role", "Tasks", "vCPU", "GB", "Disk GiB", "Spot allowed", "ARM64 $/month", "Basis"], rows, [1, 2, 3, 4, 6]),
    "",
    `Replication factors: Mimir ${r.mimir}, Loki ${r.loki}, Tempo ${r.tempo}, Pyroscope ${r.pyroscope}.`,
    ...section("Limits", sizing.notes),
  ];
  const capacity = layoutCapacity(sizing);
  const whole = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: value < 100 ? 1 : 0 });
  const signals = [capacity.metrics, capacity.logs, capacity.traces].map((signal) => {
    const byRole = Object.entries(signal.byRole)
      .filter(([role]) => role !== signal.limitedBy)
      .map(([role, value]) => `${role} ${value === Infinity ? "no limit" : whole(value)}`)
      .join(", ");
    if (signal.value === Infinity) return `${signal.unit}: no limit within the accepted loads`;
    return `${whole(signal.value)} ${signal.unit}, limited by ${signal.limitedBy} (others: ${byRole})`;
  });
  out.push(
    ...section("What this layout carries under the sizing rules (each signal alone)", signals),
    ...section(
      "Below Grafana's per-replica guidance",
      capacity.belowGuidance.map((short) => `${short.role}: ${short.resource} ${amount(short.has)} < ${amount(short.guidance)}${short.resource === "cpu" ? " vCPU" : " GB"}`),
    ),
  );
  return out.join("\n");
}
