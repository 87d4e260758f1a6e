import type { CtyValue } from "./cty";

/** The provider's functions (provider::aws::name), with its error texts. */

export class FunctionCallError extends Error {
  constructor(
    message: string,
    readonly argumentIndex?: number,
  ) {
    super(message);
  }
}

interface Arn {
  partition: string;
  service: string;
  region: string;
  account_id: string;
  resource: string;
}

// The same rules as aws-sdk-go-v2's arn.Parse, whose messages the provider passes on.
function parseArn(text: string): Arn {
  if (!text.startsWith("arn:")) throw new FunctionCallError("arn: invalid prefix", 0);
  const sections = text.split(":");
  if (sections.length < 6) throw new FunctionCallError("arn: not enough sections", 0);
  const [, partition, service, region, accountId] = sections;
  return { partition, service, region, account_id: accountId, resource: sections.slice(5).join(":") };
}

const formatArn = (arn: Arn): string => ["arn", arn.partition, arn.service, arn.region, arn.account_id, arn.resource].join(":");

function trimIamRolePath(text: string): string {
  const arn = parseArn(text);
  if (arn.service !== "iam" || !arn.resource.startsWith("role/")) {
    throw new FunctionCallError(`"${text}" is not a valid IAM role ARN`, 0);
  }
  const name = arn.resource.split("/").pop() ?? "";
  return formatArn({ ...arn, resource: `role/${name}` });
}

const asString = (value: CtyValue, index: number): string => {
  if (typeof value !== "string") throw new FunctionCallError("argument must be a string", index);
  return value;
};

export function callProviderFunction(name: string, args: CtyValue[]): CtyValue {
  switch (name) {
    case "arn_parse":
      return { ...parseArn(asString(args[0], 0)) };
    case "arn_build": {
      const [partition, service, region, account_id, resource] = args.map(asString);
      return formatArn({ partition, service, region, account_id, resource });
    }
    case "trim_iam_role_path":
      return trimIamRolePath(asString(args[0], 0));
    default:
      throw new FunctionCallError(`the aws stand-in has no function named ${name}`);
  }
}
