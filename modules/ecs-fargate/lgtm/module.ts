import { join } from "node:path";
import { InputSpecs, snakeCase } from "../../../lib/inputs";
import { ModuleDefinition } from "../../../lib/module-definition";
import { CLUSTER_REF_ATTRIBUTES } from "../cluster-ref";
import { LgtmComponents } from "./lgtm-components";
import { LgtmComponentsProps } from "./props";
import { LGTM_SETTINGS_TYPE } from "./settings";

const CLUSTER_TYPE = `object({ ${Object.entries(CLUSTER_REF_ATTRIBUTES)
  .map(([name, type]) => `${snakeCase(name)} = ${type}`)
  .join(", ")} })`;

// Validated where users give them: the ecs-fargate module's `lgtm` variable.
const inputs: InputSpecs<LgtmComponentsProps> = {
  cluster: { type: CLUSTER_TYPE, attributes: CLUSTER_REF_ATTRIBUTES },
  vpcId: { type: "string" },
  subnetIds: { type: "list(string)" },
  logRetentionDays: { type: "number" },
  settings: { type: LGTM_SETTINGS_TYPE },
};

/** The LGTM components as the ecs-fargate module's nested module `modules/lgtm`. */
export const lgtmComponentsModule: ModuleDefinition<LgtmComponentsProps, LgtmComponents> = {
  name: "lgtm",
  summary: "The LGTM stack's services on the ecs-fargate module's cluster; called by that module when its `lgtm` input is set.",
  props: { file: join(__dirname, "props.ts"), declaration: "LgtmComponentsProps" },
  construct: { file: join(__dirname, "lgtm-components.ts"), declaration: "LgtmComponents" },
  inputs,
  rules: [],
  create: (scope, id, props) => new LgtmComponents(scope, id, props),
  outputs: ["securityGroupIds", "endpoints", "grafanaAdminSecretArn"],
};
