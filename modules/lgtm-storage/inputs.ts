import { InputRule, InputSpecs, snakeCase } from "../../lib/inputs";
import { objectType } from "../../lib/object-type";
import { LgtmStorageProps, ReadableStorageClass } from "./props";

/** Storage classes whose objects stay readable by a plain GET; GLACIER and DEEP_ARCHIVE are not. */
export const READABLE_STORAGE_CLASSES: readonly ReadableStorageClass[] = ["STANDARD_IA", "INTELLIGENT_TIERING", "GLACIER_IR"];
/** S3 moves objects to STANDARD_IA no earlier than this many days after they are written. */
const STANDARD_IA_MIN_DAYS = 30;

const BUCKET_PATTERN = "^[a-z0-9][a-z0-9.-]*[a-z0-9]$";
const IP_ADDRESS_PATTERN = "^[0-9]{1,3}([.][0-9]{1,3}){3}$";
/** Prefixes and suffixes S3 reserves for its own endpoints and aliases. */
const RESERVED_PREFIXES = ["xn--", "sthree-", "amzn-s3-demo-"];
const RESERVED_SUFFIXES = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];
const KMS_KEY_ARN_PATTERN = "^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/[a-zA-Z0-9-]+$";
const SUBNET_ID_PATTERN = "^subnet-[0-9a-f]{8}([0-9a-f]{9})?$";
const SECURITY_GROUP_ID_PATTERN = "^sg-[0-9a-f]{8}([0-9a-f]{9})?$";

const quoted = (values: readonly string[]) => values.map((value) => `"${value}"`).join(", ");

export const lgtmStorageInputs: InputSpecs<LgtmStorageProps> = {
  bucketName: { type: "string" },
  forceDestroy: { type: "bool", default: false },
  kmsKeyArn: { type: "string", default: null },
  mimirRetentionDays: { type: "number", default: 365 },
  lokiRetentionDays: { type: "number", default: 365 },
  tempoRetentionDays: { type: "number", default: 7 },
  pyroscopeRetentionDays: { type: "number", default: 30 },
  noncurrentVersionDays: { type: "number", default: 7 },
  transition: {
    type: objectType({ days: { type: "number" }, storage_class: { type: "string" } }),
    default: null,
    attributes: { days: "number", storage_class: "string" },
  },
  grafanaEfs: {
    type: objectType({ subnet_ids: { type: "list(string)" }, allowed_security_group_ids: { type: "list(string)" } }),
    default: null,
    attributes: { subnet_ids: "list(string)", allowed_security_group_ids: "list(string)" },
  },
  tags: { type: "map(string)", default: {} },
};

function validBucketName(name: string): boolean {
  return (
    name.length >= 3 &&
    name.length <= 63 &&
    new RegExp(BUCKET_PATTERN).test(name) &&
    !name.includes("..") &&
    !new RegExp(IP_ADDRESS_PATTERN).test(name) &&
    !RESERVED_PREFIXES.some((prefix) => name.startsWith(prefix)) &&
    !RESERVED_SUFFIXES.some((suffix) => name.endsWith(suffix))
  );
}

/** A rule that a number of days is a whole number, 1 or more. */
function daysRule(input: keyof LgtmStorageProps & string): InputRule<LgtmStorageProps> {
  const name = `var.${snakeCase(input)}`;
  return {
    input,
    allowed: "must be a whole number of days, 1 or more",
    valid: (p) => Number.isInteger(p[input]) && (p[input] as number) >= 1,
    condition: `floor(${name}) == ${name} && ${name} >= 1`,
  };
}

/** HCL that is true when `value` is null and `condition` otherwise (`||` does not short-circuit). */
function unlessNull(value: string, condition: string): string {
  return `${value} == null ? true : (${condition})`;
}

/** HCL that is true when the list holds at least `min` IDs of the pattern, each once. */
function idList(expression: string, pattern: string, min: 0 | 1 = 1): string {
  const distinct = `length(distinct(${expression})) == length(${expression}) && alltrue([for id in ${expression} : can(regex("${pattern}", id))])`;
  return min === 1 ? `length(${expression}) > 0 && ${distinct}` : distinct;
}

/** {@link idList} in TypeScript. */
function validIdList(ids: readonly string[], pattern: string, min: 0 | 1 = 1): boolean {
  return ids.length >= min && new Set(ids).size === ids.length && ids.every((id) => new RegExp(pattern).test(id));
}

export const lgtmStorageRules: InputRule<LgtmStorageProps>[] = [
  {
    input: "bucketName",
    allowed:
      "must be a valid S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit, " +
      `without "..", not an IP address, not starting with ${quoted(RESERVED_PREFIXES)} and not ending with ${quoted(RESERVED_SUFFIXES)}`,
    valid: (p) => validBucketName(p.bucketName),
    condition:
      `length(var.bucket_name) >= 3 && length(var.bucket_name) <= 63 && can(regex("${BUCKET_PATTERN}", var.bucket_name)) && ` +
      `!strcontains(var.bucket_name, "..") && !can(regex("${IP_ADDRESS_PATTERN}", var.bucket_name)) && ` +
      `!anytrue([for prefix in ${JSON.stringify(RESERVED_PREFIXES)} : startswith(var.bucket_name, prefix)]) && ` +
      `!anytrue([for suffix in ${JSON.stringify(RESERVED_SUFFIXES)} : endswith(var.bucket_name, suffix)])`,
  },
  {
    input: "kmsKeyArn",
    allowed: 'must be null or the ARN of a KMS key (not an alias), such as "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"',
    valid: (p) => p.kmsKeyArn === null || new RegExp(KMS_KEY_ARN_PATTERN).test(p.kmsKeyArn),
    condition: unlessNull("var.kms_key_arn", `can(regex("${KMS_KEY_ARN_PATTERN}", var.kms_key_arn))`),
  },
  daysRule("mimirRetentionDays"),
  daysRule("lokiRetentionDays"),
  daysRule("tempoRetentionDays"),
  daysRule("pyroscopeRetentionDays"),
  daysRule("noncurrentVersionDays"),
  {
    input: "transition",
    allowed:
      `must be null or move objects to one of ${quoted(READABLE_STORAGE_CLASSES)} (classes the components can still read; never GLACIER or DEEP_ARCHIVE) ` +
      `after a whole number of days, ${STANDARD_IA_MIN_DAYS} or more for STANDARD_IA`,
    valid: (p) =>
      p.transition === null ||
      (READABLE_STORAGE_CLASSES.includes(p.transition.storage_class) &&
        Number.isInteger(p.transition.days) &&
        p.transition.days >= (p.transition.storage_class === "STANDARD_IA" ? STANDARD_IA_MIN_DAYS : 0)),
    condition: unlessNull(
      "var.transition",
      `contains(${JSON.stringify(READABLE_STORAGE_CLASSES)}, var.transition.storage_class) && floor(var.transition.days) == var.transition.days && ` +
        `var.transition.days >= (var.transition.storage_class == "STANDARD_IA" ? ${STANDARD_IA_MIN_DAYS} : 0)`,
    ),
  },
  {
    input: "grafanaEfs",
    allowed: 'must be null or list at least one subnet ID, each once, in subnet_ids (such as "subnet-0123456789abcdef0")',
    valid: (p) => p.grafanaEfs === null || validIdList(p.grafanaEfs.subnet_ids, SUBNET_ID_PATTERN),
    condition: unlessNull("var.grafana_efs", idList("var.grafana_efs.subnet_ids", SUBNET_ID_PATTERN)),
  },
  {
    input: "grafanaEfs",
    allowed: 'must be null or list security group IDs, each once, in allowed_security_group_ids (such as "sg-0123456789abcdef0")',
    valid: (p) => p.grafanaEfs === null || validIdList(p.grafanaEfs.allowed_security_group_ids, SECURITY_GROUP_ID_PATTERN, 0),
    condition: unlessNull("var.grafana_efs", idList("var.grafana_efs.allowed_security_group_ids", SECURITY_GROUP_ID_PATTERN, 0)),
  },
];
