import { isObject, type CtyValue } from "./cty";

export const ACCOUNT_ID = "123456789012";
export const DEFAULT_REGION = "us-east-1";

/** What the stand-in takes from the `provider "aws"` block. */
export interface ProviderSettings {
  region: string;
  /** default_tags.tags; undefined while unknown at plan time. */
  defaultTags: Record<string, CtyValue> | undefined;
}

export const DEFAULT_SETTINGS: ProviderSettings = { region: DEFAULT_REGION, defaultTags: {} };

export function readProviderSettings(config: CtyValue): ProviderSettings {
  if (!isObject(config)) return DEFAULT_SETTINGS;
  const region = typeof config.region === "string" && config.region !== "" ? config.region : DEFAULT_REGION;
  const defaultTagsBlocks = config.default_tags;
  let defaultTags: Record<string, CtyValue> | undefined = {};
  if (Array.isArray(defaultTagsBlocks) && defaultTagsBlocks.length > 0) {
    const tags = isObject(defaultTagsBlocks[0]) ? defaultTagsBlocks[0].tags : null;
    defaultTags = tags === null ? {} : isObject(tags) ? tags : undefined;
  }
  return { region, defaultTags };
}

export function partitionOf(region: string): { partition: string; dnsSuffix: string } {
  if (region.startsWith("cn-")) return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" };
  if (region.startsWith("us-gov-")) return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com" };
  return { partition: "aws", dnsSuffix: "amazonaws.com" };
}
