/** Inputs of the service-discovery module. */
export interface ServiceDiscoveryProps {
  /** Name of the Cloud Map private DNS namespace, and of the Route 53 private hosted zone it creates, e.g. `lgtm.local`: lowercase DNS labels joined by dots, at most 253 characters. */
  readonly namespace?: string;
  /** ID of the VPC whose resolver answers for the namespace (the tasks' VPC). */
  readonly vpcId: string;
  /** Names of the services, e.g. `["mimir", "loki"]`: distinct lowercase DNS labels. Each gets a MULTIVALUE A record set at `<service>.<namespace>` in which ECS registers the IP of every running task. */
  readonly services: string[];
  /** Seconds resolvers may cache a service's A records, 0 to 3600; keep it short, since every task replacement changes the addresses. */
  readonly dnsTtl?: number;
  /** Tags added to every resource. */
  readonly tags?: Record<string, string>;
}
