import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENV_MOVES } from "../../envs/moved";
import { CheckResult, ScratchRoot, checkTerraform, formatDiagnostics, plannedActions, stateFromPlan, writeScratchRoot } from "../support/terraform-runner";

/**
 * Each env move in the shape the env has it, planned against a state the earlier version left:
 * the old resource is still declared (its `count` now 0) and its one instance moves to the new,
 * uncounted address. The envs' own plans have no prior state, so this is where the move is proven.
 */
describe.each(ENV_MOVES.map((move) => [`${move.from} -> ${move.to}`, move] as const))("env move %s", (_, move) => {
  const parse = (address: string) => /^([a-z0-9_]+)\.([a-z0-9_]+)(\[\d+\])?$/.exec(address)!;
  const [, type, oldName] = parse(move.from);
  const [, , newName] = parse(move.to);
  const body = '  security_group_id = "sg-0123456789abcdef0"\n  ip_protocol = "tcp"\n  from_port = 2049\n  to_port = 2049\n  referenced_security_group_id = "sg-0fedcba9876543210"';
  const resource = (name: string, count?: number) => `resource "${type}" "${name}" {\n${count === undefined ? "" : `  count = ${count}\n`}${body}\n}`;
  const provider = 'provider "aws" {\n  region = "ap-northeast-2"\n}';
  let roots: ScratchRoot[] = [];
  let moved: CheckResult;

  beforeAll(async () => {
    const before = await writeScratchRoot({ "main.tf": [provider, resource(oldName, 1)].join("\n") });
    const after = await writeScratchRoot({ "main.tf": [provider, resource(oldName, 0), resource(newName), `moved {\n  from = ${move.from}\n  to   = ${move.to}\n}`].join("\n") });
    roots = [before, after];
    const first = await checkTerraform(before.dir);
    expect(first.ok, formatDiagnostics(first.diagnostics)).toBe(true);
    moved = await checkTerraform(after.dir, { state: stateFromPlan(first.plan!) });
  });
  afterAll(() => Promise.all(roots.map((root) => root.cleanup())));

  it("plans a move of the state, not a destroy and a create", () => {
    expect(moved.ok, formatDiagnostics(moved.diagnostics)).toBe(true);
    expect(Object.values(plannedActions(moved.plan!)).filter((action) => action === "create" || action === "delete")).toEqual([]);
    const change = moved.plan!.resource_changes!.find((c) => c.address === move.to) as { previous_address?: string } | undefined;
    expect(change?.previous_address).toBe(move.from);
  });
});
