import { describe, expect, it } from "vitest";
import { marker, markerPrefix, planMarker, readPlanMarker } from "../../tools/plan-comment/marker";

const RECORD = { env: "dev", plan: `sha256:${"ab".repeat(32)}`, head: "c".repeat(40), run: "123456", changes: true };

describe("plan markers", () => {
  it("round-trip what the apply gate needs", () => {
    const body = `${planMarker(RECORD)}\n### Terraform plan for \`dev\``;
    expect(body.startsWith(markerPrefix("plan", "dev"))).toBe(true);
    expect(readPlanMarker(body, "dev")).toEqual(RECORD);
    expect(readPlanMarker(`${planMarker({ ...RECORD, changes: false })}\n`, "dev")?.changes).toBe(false);
  });

  it("belong to one env only: dev's marker is not dev2's", () => {
    const body = planMarker({ ...RECORD, env: "dev2" });
    expect(readPlanMarker(body, "dev")).toBeUndefined();
    expect(readPlanMarker(body, "dev2")?.env).toBe("dev2");
    expect(markerPrefix("plan", "dev2").startsWith(markerPrefix("plan", "dev"))).toBe(false);
  });

  it("count only at the very start of a body, so a quoted marker is never trusted", () => {
    expect(readPlanMarker(`> ${planMarker(RECORD)}`, "dev")).toBeUndefined();
    expect(readPlanMarker(`Looks good\n${planMarker(RECORD)}`, "dev")).toBeUndefined();
  });

  it("are refused when malformed, on both sides", () => {
    expect(() => planMarker({ ...RECORD, plan: "sha256:xyz" })).toThrow(/plan=/);
    expect(() => planMarker({ ...RECORD, head: "HEAD" })).toThrow(/head=/);
    expect(() => marker("drift", "Prod env")).toThrow(/lowercase/);
    expect(readPlanMarker(planMarker(RECORD).replace("run=123456", "run=12x"), "dev")).toBeUndefined();
    expect(readPlanMarker(planMarker(RECORD).replace(/ head=\S+/, ""), "dev")).toBeUndefined();
  });
});
