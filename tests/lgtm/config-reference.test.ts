import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { Component, problemsAgainst, REFERENCE_DIR, referenceTree } from "../support/config-reference/check-config";
import { parseDskitMarkdown } from "../support/config-reference/dskit-markdown";
import { block, KeyNode, listOf, mapOf, nodeAt, scalar } from "../support/config-reference/key-tree";
import { SUPPLEMENTS } from "../support/config-reference/supplements";
import { TEMPO_GUIDE } from "../support/config-reference/tempo-manifest";

const leaves = (node: KeyNode): number =>
  node.kind === "block" ? [...node.children.values()].reduce((sum, child) => sum + leaves(child), 0) : node.kind === "list" ? leaves(node.element) : node.kind === "map" ? leaves(node.value) : 1;

const shape = (component: Component, path: string) => {
  const node = nodeAt(referenceTree(component), path);
  return node?.kind === "scalar" ? node.type : node?.kind === "list" && node.element.kind === "scalar" ? `list of ${node.element.type}` : node?.kind;
};

describe("reference key trees", () => {
  it("reads every field of Mimir's config descriptor", () => {
    // SOURCES.md: the 3.0.2 descriptor holds 1,687 fields; four of them are lists of blocks,
    // whose elements hold 3 + 2 + 3 + 2 fields of their own.
    expect(leaves(referenceTree("mimir"))).toBe(1687 - 4 + 10);
    expect(shape("mimir", "limits.compactor_blocks_retention_period")).toBe("duration");
    expect(shape("mimir", "alertmanager.sharding_ring.instance_interface_names")).toBe("list of string");
    expect(shape("mimir", "limits.blocked_queries[].pattern")).toBe("string");
  });

  it("resolves the dskit markdown's block references, lists of blocks and inline blocks", () => {
    expect(shape("loki", "schema_config.configs[].index.period")).toBe("duration");
    expect(shape("loki", "common.storage.s3.bucketnames")).toBe("string");
    expect(shape("loki", "query_range.results_cache.cache.memcached_client.addresses")).toBe("string");
    expect(shape("loki", "storage_config.object_store.s3.bucket_name")).toBe("string");
    expect(shape("pyroscope", "storage.s3.bucket_name")).toBe("string");
    expect(shape("pyroscope", "ingester.lifecycler.interface_names")).toBe("list of string");
  });

  it("leaves unchecked only the placeholder types the references do not define", () => {
    const opaque = (file: string, heading: RegExp) => [...parseDskitMarkdown(readFileSync(resolve(REFERENCE_DIR, file), "utf8"), heading).opaqueTypes].sort();
    expect(opaque("pyroscope-1.21.1-reference-configuration.md", /^## Configuration parameters$/)).toEqual(["list of Configs"]);
    expect(opaque("loki-3.7.6-configuration.md", /^### Supported contents and default values/)).toEqual([
      "Regexp",
      "RemoteWriteConfig",
      "blocked_query...",
      "headers",
      "list of PriorityStreams",
      "list of StreamRetentions",
      "map of string to",
      "map of string to Header",
      "map of string to NamedAzureStorageConfig",
      "map of string to NamedFilesystemStorageConfig",
      "map of string to NamedGCSStorageConfig",
      "map of string to NamedS3StorageConfig",
      "map of string to NamedSwiftStorageConfig",
      "map of string to RemoteWriteConfig",
      "map of string to Time",
      "relabel_config...",
    ]);
  });

  it("types Tempo's keys by their manifest defaults and fills only the manifest's gaps from the guide", () => {
    expect(shape("tempo", "compactor.compaction.block_retention")).toBe("duration");
    expect(shape("tempo", "ingester.lifecycler.interface_names")).toBe("list of string");
    expect(shape("tempo", "memberlist.join_members")).toBe("string");
    expect(nodeAt(referenceTree("tempo"), "distributor.receivers")?.origin).toBe(TEMPO_GUIDE);
    // The guide's example keys are not taken where the manifest already lists the block.
    expect(nodeAt(referenceTree("tempo"), "overrides.defaults.ingestion.limit_bytes")).toBeUndefined();
  });

  it("puts every supplement in place, marked with its source", () => {
    for (const [component, supplements] of Object.entries(SUPPLEMENTS)) {
      for (const supplement of supplements) expect(nodeAt(referenceTree(component as Component), supplement.path)?.origin).toBe(supplement.source);
    }
  });
});

describe("checkConfig", () => {
  const tree = block({
    name: scalar("string"),
    size: scalar("int"),
    ratio: scalar("float"),
    on: scalar("boolean"),
    every: scalar("duration"),
    hosts: listOf(scalar("string")),
    labels: mapOf(scalar("string")),
    periods: listOf(block({ from: scalar("string") })),
  });
  const check = (config: unknown) => problemsAgainst(tree, config).map(({ path, problem }) => `${path}: ${problem}`);

  it("accepts values of the reference's types", () => {
    expect(check({ name: "a", size: 3, ratio: 0.5, on: false, every: "1h30m", hosts: ["a"], labels: { a: "b" }, periods: [{ from: "2025-01-01" }] })).toEqual([]);
    expect(check({ every: 0, ratio: 2 })).toEqual([]);
  });

  it("reports unknown keys at any depth, inside lists of blocks too", () => {
    expect(check({ nme: "a", periods: [{ from: "x", to: "y" }] })).toEqual(["nme: unknown key", "periods[0].to: unknown key"]);
  });

  it("reports each wrong type with its path", () => {
    expect(check({ name: 1, size: 1.5, on: "true", every: "30d", hosts: "a", labels: { a: 1 }, periods: { from: "x" } })).toEqual([
      "name: expected a string, got 1",
      "size: expected an integer, got 1.5",
      'on: expected a boolean, got "true"',
      'every: expected a duration, got "30d"',
      'hosts: expected a list, got "a"',
      "labels.a: expected a string, got 1",
      'periods: expected a list, got {"from":"x"}',
    ]);
  });
});
