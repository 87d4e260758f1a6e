import { LgtmProfileName } from "../modules/lgtm/profiles";

/** What differs between two deployments of the stack, besides the account values (account-config.ts). */
export interface EnvProfile {
  /** Env name: stack name, state key, the `Environment` tag, and the stack's name `lgtm-<name>`. */
  readonly name: string;
  /** AWS region the env runs in. */
  readonly region: string;
  /** IPv4 CIDR of the env's VPC. */
  readonly cidr: string;
  /** Availability zones of the env's VPC. */
  readonly azs: string[];
  /** The stack's profile: NAT, endpoints, retention, sizing, Spot, deletion protection (modules/lgtm/profiles.ts). */
  readonly profile: LgtmProfileName;
  /** `prevent_destroy` on the env's data stores (the telemetry bucket, Grafana's file system). */
  readonly protectData: boolean;
}
