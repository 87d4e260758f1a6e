import { App } from "cdktf";
import { EnvStack } from "./envs/env-stack";
import { ENV_PROFILES } from "./envs/profiles";
import { ModuleStack, PublishableModule } from "./lib/module-stack";
import { moduleDir, publishedFiles, writeModule } from "./lib/publish";
import { albModule } from "./modules/alb/module";
import { lgtmStorageModule } from "./modules/lgtm-storage/module";
import { ecsFargateModule } from "./modules/ecs-fargate/module";
import { lgtmModule } from "./modules/lgtm/module";
import { networkModule } from "./modules/network/module";
import { serviceDiscoveryModule } from "./modules/service-discovery/module";

/** The published modules, each a stack in a provider-less App. */
export function registerModules(app: App): PublishableModule[] {
  return [
    new ModuleStack(app, networkModule),
    new ModuleStack(app, albModule),
    new ModuleStack(app, serviceDiscoveryModule),
    new ModuleStack(app, lgtmStorageModule),
    new ModuleStack(app, ecsFargateModule),
    new ModuleStack(app, lgtmModule),
  ];
}

/** The deployable env roots. */
export function registerEnvs(app: App): EnvStack[] {
  return ENV_PROFILES.map((profile) => new EnvStack(app, profile));
}

/**
 * Writes the published modules to terraform/modules/ and synthesizes the envs into the App's outdir
 * (cdktf.out/ unless CDKTF_OUTDIR says otherwise); returns the envs' App.
 */
export function synthAll(): App {
  // Two Apps: module stacks have no provider, which only a whole-App skipValidation allows.
  const modules = new App({ skipValidation: true });
  for (const stack of registerModules(modules)) writeModule(moduleDir(stack.definition.name), publishedFiles(stack));
  const envs = new App();
  registerEnvs(envs);
  envs.synth();
  return envs;
}

// `cdktf synth` runs this file (cdktf.json); `npm run synth` runs a compiled bundle (tools/synth/).
if (require.main === module) synthAll();
