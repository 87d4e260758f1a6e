import { describe, expect, it } from "vitest";
import { add, ceil, div, evaluate, ifAtMost, max, mul, ref, sub, toHcl } from "../../modules/ecs-fargate/lgtm/sizing/expr";

const names = (name: string) => `load.${name}`;

describe("sizing expressions", () => {
  it("computes numbers alone where they are written, as evaluate would", () => {
    expect(mul(2, 1024)).toBe(2048);
    expect(add(0.1, 0.2)).toBe(0.1 + 0.2);
    expect(max(3, ceil(2.5))).toBe(3);
    expect(ifAtMost(1, 2, 10, 20)).toBe(10);
  });

  it("keeps TypeScript's order of operations in both faces", () => {
    const sum = add(ref("a"), 0.1, 0.2);
    expect(evaluate(sum, { a: 1 })).toBe(1 + 0.1 + 0.2);
    expect(toHcl(sum, names)).toBe("((load.a + 0.1) + 0.2)");
    expect(toHcl(div(mul(2.5, ref("x")), ref("tasks")), (name) => name)).toBe("((2.5 * x) / tasks)");
  });

  it("renders every operation as Terraform writes it", () => {
    const expr = ifAtMost(ref("gb"), 3000, max(ceil(sub(ref("gb"), 1e-9)), 256), -1);
    expect(toHcl(expr, names)).toBe("(load.gb <= 3000 ? max(ceil((load.gb - 1e-9)), 256) : (-1))");
    expect(evaluate(expr, { gb: 300 })).toBe(300);
    expect(evaluate(expr, { gb: 3001 })).toBe(-1);
  });

  it("refuses a name it has no value for, and a number Terraform cannot write", () => {
    expect(() => evaluate(ref("tasks"), {})).toThrow("No value for tasks.");
    expect(() => toHcl(Infinity, names)).toThrow("Infinity has no Terraform form.");
  });
});
