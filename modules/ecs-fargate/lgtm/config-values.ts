import { hclString } from "../../../lib/hcl";

/** Ports the LGTM components listen on; the same in every task, as the security groups assume. */
export const LGTM_PORTS = {
  mimirHttp: 8080,
  lokiHttp: 3100,
  tempoHttp: 3200,
  pyroscopeHttp: 4040,
  grpc: 9095,
  memberlist: 7946,
  otlpGrpc: 4317,
  otlpHttp: 4318,
  memcached: 11211,
} as const;

/**
 * The task ENI inside a Fargate (awsvpc) task. `eth0` there is the link-local veth to the
 * metadata endpoint, so a ring member that picks it advertises an address no peer can reach.
 */
export const TASK_INTERFACE_NAMES: readonly string[] = ["eth1"];

/** A retention in days as the hour duration every component accepts (`30` → `720h`). */
export function hoursFromDays(days: number): string {
  return hclString`format("%dh", ${days} * 24)`;
}

/** `host:port`. */
export function hostPort(host: string, port: number): string {
  return hclString`format("%s:%d", ${host}, ${port})`;
}

/** `http://host:port`, for the HTTP addresses components give each other. */
export function httpUrl(host: string, port: number): string {
  return hclString`format("http://%s:%d", ${host}, ${port})`;
}

/** A dskit DNS discovery address (`dns+host:port`): every A record of the Cloud Map name. */
export function dnsDiscovery(host: string, port: number): string {
  return hclString`format("dns+%s:%d", ${host}, ${port})`;
}

/** The regional S3 endpoint, which the objstore-based clients need spelled out. */
export function s3Endpoint(region: string): string {
  return hclString`format("s3.%s.amazonaws.com", ${region})`;
}
