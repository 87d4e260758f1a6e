import { Testing } from "cdktf";
import { ReadableStack } from "../../lib/readable-stack";
import { Network } from "../../modules/network/network";
import { NetworkProps } from "../../modules/network/props";

/** Terraform JSON as synthesized: block type → name → body. */
export interface TerraformJson {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  data: Record<string, Record<string, Record<string, unknown>>>;
  locals: Record<string, unknown>;
}

/** Synthesizes a stack holding one Network with the given literal props, as an env would. */
export function synthNetwork(props: NetworkProps): TerraformJson {
  const stack = new ReadableStack(Testing.app(), "test");
  new Network(stack, "network", props);
  return JSON.parse(Testing.synth(stack));
}

/** The minimal valid network props. */
export const BASE_NETWORK: NetworkProps = {
  name: "lgtm-test",
  cidr: "10.0.0.0/16",
  azs: ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
};
