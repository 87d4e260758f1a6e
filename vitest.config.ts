import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Terraform runs take seconds each; the 2-core machines run two files at a time.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
    // Without isolation a worker loads cdktf, the provider classes and the constructs once, not once
    // per test file (that was 88 s of CPU in a full run). Test files share no mutable state: those
    // that change process.env restore it after each test.
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
  },
});
