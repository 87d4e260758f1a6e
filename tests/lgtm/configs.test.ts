import { beforeAll, describe, expect, it } from "vitest";
import { LGTM_PORTS } from "../../modules/ecs-fargate/lgtm/config-values";
import { LOKI_ROLES, lokiConfig } from "../../modules/ecs-fargate/lgtm/loki/config";
import { MIMIR_ROLES, mimirConfig } from "../../modules/ecs-fargate/lgtm/mimir/config";
import { PYROSCOPE_ROLES, pyroscopeConfig } from "../../modules/ecs-fargate/lgtm/pyroscope/config";
import { TEMPO_ROLES, tempoConfig } from "../../modules/ecs-fargate/lgtm/tempo/config";
import { checkConfig, Component, secondarySources } from "../support/config-reference/check-config";
import { RenderedConfigs, renderWithTerraform } from "../support/config-reference/render";
import { SUPPLEMENTS } from "../support/config-reference/supplements";
import { TEMPO_GUIDE } from "../support/config-reference/tempo-manifest";
import { DEV_VARS, PROD_SETTINGS, variableSettings } from "../support/lgtm-settings";
import { formatDiagnostics } from "../support/terraform-runner";

const COMPONENTS: Component[] = ["mimir", "loki", "tempo", "pyroscope"];
const FACES = ["prod", "dev"] as const;

/** A config by component and face: `prod` from literal settings, `dev` from root variables. */
type Configs = Record<Component, Record<(typeof FACES)[number], Record<string, any>>>;

describe("LGTM configs as terraform renders them", () => {
  let rendered: RenderedConfigs;
  let configs: Configs;

  beforeAll(async () => {
    rendered = await renderWithTerraform((stack) => {
      const dev = variableSettings(stack);
      return {
        mimir_prod: mimirConfig(PROD_SETTINGS.mimir),
        loki_prod: lokiConfig(PROD_SETTINGS.loki),
        tempo_prod: tempoConfig(PROD_SETTINGS.tempo),
        pyroscope_prod: pyroscopeConfig(PROD_SETTINGS.pyroscope),
        mimir_dev: mimirConfig(dev.mimir),
        loki_dev: lokiConfig(dev.loki),
        tempo_dev: tempoConfig(dev.tempo),
        pyroscope_dev: pyroscopeConfig(dev.pyroscope),
      };
    }, DEV_VARS);
    configs = Object.fromEntries(COMPONENTS.map((c) => [c, Object.fromEntries(FACES.map((face) => [face, rendered.configs[`${c}_${face}`]]))])) as Configs;
  });

  it("plans, rendering every config from literals and from variables alike", () => {
    expect(rendered.result.ok, formatDiagnostics(rendered.result.diagnostics)).toBe(true);
    expect(Object.keys(rendered.yaml).sort()).toEqual(COMPONENTS.flatMap((c) => FACES.map((face) => `${c}_${face}`)).sort());
  });

  describe.each(COMPONENTS)("%s", (component) => {
    it.each(FACES)("fits the reference of the pinned version, key by key (%s)", (face) => {
      expect(checkConfig(component, configs[component][face])).toEqual([]);
    });

    it("fails the check with a planted unknown key and with a planted wrong type", () => {
      const planted = structuredClone(configs[component].prod);
      planted.server.http_listen_prot = 1;
      planted.server.grpc_listen_port = "9095";
      expect(checkConfig(component, planted)).toEqual([
        { path: "server.grpc_listen_port", problem: 'expected an integer, got "9095"' },
        { path: "server.http_listen_prot", problem: "unknown key" },
      ]);
    });

    it("relies on nothing but the reference except the documented supplements and Tempo guide gaps", () => {
      const expected = [...(SUPPLEMENTS[component] ?? []).map((s) => s.source), ...(component === "tempo" ? [TEMPO_GUIDE] : [])];
      const used = new Set(secondarySources(component, configs[component].prod).map((s) => s.origin));
      expect([...used].sort()).toEqual(expected.sort());
    });
  });

  it("turns multi-tenancy on everywhere", () => {
    expect(configs.mimir.prod.multitenancy_enabled).toBe(true);
    expect(configs.loki.prod.auth_enabled).toBe(true);
    expect(configs.tempo.prod.multitenancy_enabled).toBe(true);
    expect(configs.pyroscope.prod.multitenancy_enabled).toBe(true);
  });

  it("listens on the stack's ports", () => {
    const ports = (c: Component) => [configs[c].prod.server.http_listen_port, configs[c].prod.server.grpc_listen_port, configs[c].prod.memberlist.bind_port];
    expect(ports("mimir")).toEqual([8080, 9095, 7946]);
    expect(ports("loki")).toEqual([3100, 9095, 7946]);
    expect(ports("tempo")).toEqual([3200, 9095, 7946]);
    expect(ports("pyroscope")).toEqual([4040, 9095, 7946]);
  });

  it("joins memberlist through every ring-member role's Cloud Map name, in both faces", () => {
    const join = (roles: Record<string, { serviceName: string }>, domain: string) => Object.values(roles).map((r) => `dns+${r.serviceName}.${domain}:${LGTM_PORTS.memberlist}`);
    expect(configs.mimir.prod.memberlist.join_members).toEqual(join(MIMIR_ROLES, "lgtm.local"));
    expect(configs.pyroscope.dev.memberlist.join_members).toEqual(join(PYROSCOPE_ROLES, "dev.internal"));
    expect(configs.loki.prod.memberlist.join_members).toEqual(join(LOKI_ROLES, "lgtm.local"));
    expect(configs.loki.dev.memberlist.join_members).toEqual(join(LOKI_ROLES, "dev.internal"));
    expect(configs.tempo.prod.memberlist.join_members).toBe(join(TEMPO_ROLES, "lgtm.local").join(","));
    expect(configs.tempo.dev.memberlist.join_members).toBe(join(TEMPO_ROLES, "dev.internal").join(","));
  });

  it("advertises the task ENI, eth1, on every ring", () => {
    const mimir = configs.mimir.prod;
    for (const ring of [mimir.ingester.ring, mimir.distributor.ring, mimir.compactor.sharding_ring, mimir.store_gateway.sharding_ring, mimir.query_scheduler.ring, mimir.frontend, mimir.ruler.ring, mimir.alertmanager.sharding_ring]) {
      expect(ring.instance_interface_names).toEqual(["eth1"]);
    }
    expect([configs.loki.prod.common.instance_interface_names, configs.loki.prod.common.ring.instance_interface_names]).toEqual([["eth1"], ["eth1"]]);
    const tempo = configs.tempo.prod;
    for (const ring of [tempo.distributor.ring, tempo.compactor.ring, tempo.metrics_generator.ring]) expect(ring.instance_interface_names).toEqual(["eth1"]);
    expect(tempo.ingester.lifecycler.interface_names).toEqual(["eth1"]);
    const pyroscope = configs.pyroscope.prod;
    for (const ring of [pyroscope.distributor.ring, pyroscope.frontend, pyroscope.store_gateway.sharding_ring, pyroscope.compactor.sharding_ring]) expect(ring.instance_interface_names).toEqual(["eth1"]);
    expect(pyroscope.ingester.lifecycler.interface_names).toEqual(["eth1"]);
  });

  it("stores objects in the bucket under each component's prefixes, with no keys (the task role)", () => {
    const mimir = configs.mimir.prod;
    expect(mimir.common.storage).toEqual({ backend: "s3", s3: { bucket_name: "sys-lgtm-s3", region: "ap-northeast-2", endpoint: "s3.ap-northeast-2.amazonaws.com" } });
    expect([mimir.blocks_storage.storage_prefix, mimir.ruler_storage.storage_prefix, mimir.alertmanager_storage.storage_prefix]).toEqual(["blocks", "rules", "alerts"]);
    expect(configs.loki.dev.common.storage).toEqual({ s3: { bucketnames: "lgtm-dev-data", region: "eu-west-1" } });
    expect(configs.loki.dev.storage_config.object_prefix).toBe("loki");
    expect(configs.tempo.dev.storage.trace.s3).toEqual({ bucket: "lgtm-dev-data", prefix: "tempo", region: "eu-west-1", endpoint: "s3.eu-west-1.amazonaws.com" });
    expect(configs.pyroscope.dev.storage).toEqual({ backend: "s3", prefix: "pyroscope", s3: { bucket_name: "lgtm-dev-data", region: "eu-west-1", endpoint: "s3.eu-west-1.amazonaws.com" } });
  });

  it("keeps data for the retention days, computed in Terraform from literals and variables alike", () => {
    expect(configs.mimir.prod.limits.compactor_blocks_retention_period).toBe("8760h");
    expect(configs.mimir.dev.limits.compactor_blocks_retention_period).toBe("336h");
    expect(configs.loki.prod.limits_config.retention_period).toBe("8760h");
    expect(configs.loki.prod.limits_config.retention_stream).toEqual([{ selector: '{level="info"}', priority: 1, period: "720h" }]);
    expect(configs.loki.dev.limits_config.retention_stream[0].period).toBe("72h");
    expect(configs.loki.prod.compactor).toMatchObject({ retention_enabled: true, delete_request_store: "s3" });
    expect(configs.tempo.prod.compactor.compaction.block_retention).toBe("168h");
    expect(configs.pyroscope.prod.limits.compactor_blocks_retention_period).toBe("720h");
  });

  it("flushes what it holds on shutdown and leaves the rings cleanly", () => {
    expect(configs.mimir.prod.blocks_storage.tsdb.flush_blocks_on_shutdown).toBe(true);
    expect(configs.mimir.prod.ingester.ring.unregister_on_shutdown).toBe(true);
    expect(configs.loki.prod.ingester.wal).toMatchObject({ enabled: true, flush_on_shutdown: true });
    expect(configs.tempo.prod.ingester.flush_all_on_shutdown).toBe(true);
  });

  it("replicates as told: three copies in prod, one in dev", () => {
    const mimir = (face: "prod" | "dev") => [configs.mimir[face].ingester.ring, configs.mimir[face].store_gateway.sharding_ring, configs.mimir[face].alertmanager.sharding_ring].map((r) => r.replication_factor);
    expect(mimir("prod")).toEqual([3, 3, 3]);
    expect(mimir("dev")).toEqual([1, 1, 1]);
    expect([configs.loki.prod.common.replication_factor, configs.loki.dev.common.replication_factor]).toEqual([2, 1]);
    expect(configs.tempo.dev.ingester.lifecycler.ring.replication_factor).toBe(1);
  });

  it("runs Mimir's Alertmanager beside `all`, ruled alerts going to the local one", () => {
    expect(configs.mimir.prod.target).toBe("all,alertmanager");
    expect(configs.mimir.prod.limits.ruler_alertmanager_client_config.alertmanager_url).toBe("http://localhost:8080/alertmanager");
  });

  it("wires Loki's roles to each other by address", () => {
    const loki = configs.loki.prod;
    expect(loki.common.compactor_address).toBe("http://loki-compactor.lgtm.local:3100");
    expect(loki.frontend_worker.frontend_address).toBe("loki-query-frontend.lgtm.local:9095");
    expect(loki.frontend.tail_proxy_url).toBe("http://loki-querier.lgtm.local:3100");
    expect(loki.schema_config.configs).toEqual([{ from: "2025-01-01", store: "tsdb", object_store: "s3", schema: "v13", index: { prefix: "index_", period: "24h" } }]);
  });

  it("caches Loki's chunks and results in memcached in prod and in process in dev", () => {
    const caches = (face: "prod" | "dev") => [configs.loki[face].chunk_store_config.chunk_cache_config, configs.loki[face].query_range.results_cache.cache];
    expect(caches("prod")).toEqual([
      { memcached_client: { addresses: "dns+loki-chunks-cache.lgtm.local:11211" }, embedded_cache: { enabled: false } },
      { memcached_client: { addresses: "dns+loki-results-cache.lgtm.local:11211" }, embedded_cache: { enabled: false } },
    ]);
    expect(caches("dev")).toEqual([
      { memcached_client: { addresses: "" }, embedded_cache: { enabled: true } },
      { memcached_client: { addresses: "" }, embedded_cache: { enabled: true } },
    ]);
  });

  it("binds Tempo's OTLP receivers to all interfaces and writes generated metrics to Mimir as the tenant", () => {
    const tempo = configs.tempo.prod;
    expect(tempo.distributor.receivers.otlp.protocols).toEqual({ grpc: { endpoint: "0.0.0.0:4317" }, http: { endpoint: "0.0.0.0:4318" } });
    expect(tempo.metrics_generator.storage.remote_write).toEqual([{ url: "http://mimir.lgtm.local:8080/api/v1/push", send_exemplars: true, headers: { "X-Scope-OrgID": "lgtm" } }]);
    expect(configs.tempo.dev.metrics_generator.storage.remote_write[0].headers).toEqual({ "X-Scope-OrgID": "dev-team" });
    expect(tempo.overrides.defaults.metrics_generator.processors).toEqual(["service-graphs", "span-metrics", "local-blocks"]);
    expect(tempo.querier.frontend_worker.frontend_address).toBe("tempo-query-frontend.lgtm.local:9095");
  });

  it("files Pyroscope's own profiles under the tenant", () => {
    expect(configs.pyroscope.dev.self_profiling.tenant_id).toBe("dev-team");
  });

  it("writes only where the roles say they write", () => {
    const under = (dirs: readonly string[], path: string) => dirs.some((dir) => path === dir || path.startsWith(`${dir}/`));
    const mimir = configs.mimir.prod;
    for (const path of [mimir.blocks_storage.tsdb.dir, mimir.blocks_storage.bucket_store.sync_dir, mimir.compactor.data_dir, mimir.ruler.rule_path, mimir.alertmanager.data_dir, mimir.activity_tracker.filepath]) {
      expect(under(MIMIR_ROLES.mimir.writableDirectories, path), path).toBe(true);
    }
    const loki = configs.loki.prod;
    for (const path of [loki.common.path_prefix, loki.ingester.wal.dir, loki.compactor.working_directory, loki.storage_config.tsdb_shipper.active_index_directory, loki.storage_config.tsdb_shipper.cache_location]) {
      expect(under(LOKI_ROLES.ingester.writableDirectories, path), path).toBe(true);
    }
    const tempo = configs.tempo.prod;
    for (const path of [tempo.storage.trace.wal.path, tempo.metrics_generator.storage.path, tempo.metrics_generator.traces_storage.path]) {
      expect(under(TEMPO_ROLES.metricsGenerator.writableDirectories, path), path).toBe(true);
    }
    const pyroscope = configs.pyroscope.prod;
    for (const path of [pyroscope.pyroscopedb.data_path, pyroscope.store_gateway.bucket_store.sync_dir, pyroscope.compactor.data_dir]) {
      expect(under(PYROSCOPE_ROLES.pyroscope.writableDirectories, path), path).toBe(true);
    }
  });
});
