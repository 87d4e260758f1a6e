import { IResolvable } from "cdktf";
import { hcl, hclList, hclString } from "../../lib/hcl";
import { containsToken } from "../../lib/inputs";
import { AlbProps } from "./props";
import { CompleteRoute, completeRoutes } from "./route-spec";

/**
 * The values the resources are built from, each a literal when the props are literal (so an env's
 * JSON shows what AWS will get) and a Terraform expression when they are `var.*`.
 */
export interface ResolvedInputs {
  /** Whether there is a certificate, and so an HTTPS listener. */
  readonly https: boolean | IResolvable;
  readonly routes: Record<string, CompleteRoute> | IResolvable;
  /** Who may reach the ingestion routes; the VPC's CIDR unless given. */
  readonly ingestionCidrs: string[];
  /** The CIDRs the listeners admit, keyed by CIDR, or `vpc` for the VPC's own (unknown until the VPC exists). */
  readonly listenerSources: Record<string, string> | IResolvable;
  /** The target and health check ports, as strings, for the egress rules. */
  readonly targetPorts: string[] | IResolvable;
  /** `https` or `http`. */
  readonly scheme: string;
  /** Whether a route is `cloudfront_only`, and so the load balancer admits CloudFront. */
  readonly cloudfront: boolean | IResolvable;
}

export function resolveInputs(props: Required<AlbProps>, vpcCidr: string): ResolvedInputs {
  const { certificateArn, ingestionCidrs, ingressCidrs } = props;
  const https = containsToken(certificateArn) ? hcl`${certificateArn} != null` : certificateArn !== null;
  const routes = containsToken(props.routes) ? (props.routes as unknown as IResolvable) : Object.fromEntries(completeRoutes(props.routes));
  return {
    https,
    routes,
    ingestionCidrs: containsToken(ingestionCidrs) ? hclList`${ingestionCidrs} == null ? [${vpcCidr}] : ${ingestionCidrs}` : (ingestionCidrs ?? hclList`[${vpcCidr}]`),
    listenerSources: containsToken([ingressCidrs, ingestionCidrs])
      ? hcl`merge({ for c in ${ingressCidrs} : c => c }, ${ingestionCidrs} == null ? { vpc = ${vpcCidr} } : { for c in ${ingestionCidrs} : c => c })`
      : { ...byItself(ingressCidrs), ...(ingestionCidrs === null ? { vpc: vpcCidr } : byItself(ingestionCidrs)) },
    targetPorts: containsToken(routes)
      ? hcl`flatten([for r in values(${routes}) : compact([r.port, r.health_check_port])])`
      : [...new Set(Object.values(routes as Record<string, CompleteRoute>).flatMap((route) => [route.port, route.health_check_port ?? route.port]).map(String))].sort(),
    scheme: containsToken(https) ? hclString`${https} ? "https" : "http"` : https ? "https" : "http",
    cloudfront: containsToken(routes)
      ? hcl`anytrue([for r in values(${routes}) : r.cloudfront_only])`
      : Object.values(routes as Record<string, CompleteRoute>).some((route) => route.cloudfront_only),
  };
}

function byItself(values: string[]): Record<string, string> {
  return Object.fromEntries(values.map((value) => [value, value]));
}
