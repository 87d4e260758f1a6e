import { LbListenerRule } from "@cdktf/provider-aws/lib/lb-listener-rule";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { tagged } from "../../lib/choose";
import { hcl, hclNumber, hclString, raw } from "../../lib/hcl";
import { ResolvedInputs } from "./alb-inputs";
import { addDynamicBlocks } from "./blocks";
import { AlbProps } from "./props";
import { priorityHcl } from "./route-spec";

/** Long enough for in-flight pushes and queries to finish, short enough for rolling deploys. */
const DEREGISTRATION_DELAY_SECONDS = 30;
/** A new task is healthy after 2 checks 15 s apart; a broken one is out after 3. */
const HEALTH_CHECK = { interval: 15, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 3 };
/** gRPC OK, or UNIMPLEMENTED: what a live server without the checked method (`/AWS.ALB/healthcheck`) answers. */
const GRPC_HEALTHY_CODES = "0,12";

/**
 * One `ip` target group and one listener rule per route, both keyed by the route's key. A target
 * group's name is the load balancer's name and a hash of what forces its replacement (key, port,
 * protocol version), so with `create_before_destroy` a changed port gets a new group under a new
 * name before the old one is deleted, instead of failing on "target group in use".
 */
export function addRoutes(scope: Construct, props: Required<AlbProps>, inputs: ResolvedInputs, listenerArn: string): LbTargetGroup {
  const route = TerraformIterator.fromMap(inputs.routes);
  const targetGroups = new LbTargetGroup(scope, "route:target-group", {
    forEach: route,
    name: hclString`format("%s-%s", ${props.name}, substr(sha1(jsonencode([each.key, each.value.port, each.value.protocol_version])), 0, 7))`,
    port: route.getNumber("port"),
    protocol: "HTTP",
    protocolVersion: route.getString("protocol_version"),
    targetType: "ip",
    vpcId: props.vpcId,
    deregistrationDelay: String(DEREGISTRATION_DELAY_SECONDS),
    healthCheck: {
      enabled: true,
      protocol: "HTTP",
      port: hclString`each.value.health_check_port == null ? "traffic-port" : tostring(each.value.health_check_port)`,
      path: route.getString("health_check_path"),
      matcher: hclString`each.value.protocol_version == "GRPC" ? ${GRPC_HEALTHY_CODES} : "200"`,
      ...HEALTH_CHECK,
    },
    tags: tagged(props.tags, `${props.name}-${route.key}`),
    lifecycle: { createBeforeDestroy: true },
  });

  const rule = new LbListenerRule(scope, "route:rule", {
    forEach: route,
    listenerArn,
    priority: hclNumber`${raw(priorityHcl("each.key", "each.value"))}`,
    action: [{ type: "forward", targetGroupArn: hclString`${targetGroups.fqn}[each.key].arn` }],
    condition: [{ hostHeader: { values: [route.getString("host")] } }, { pathPattern: { values: route.getList("paths") } }],
    tags: tagged(props.tags, `${props.name}-${route.key}`),
  });
  // Push endpoints answer only their own senders: a source-ip condition on the ingestion routes.
  // Routes behind CloudFront answer only requests carrying its secret origin header.
  addDynamicBlocks(rule, "condition", [
    { forEach: hcl`each.value.ingestion ? [${inputs.ingestionCidrs}] : []`, content: { source_ip: { values: "${condition.value}" } } },
    {
      forEach: hcl`each.value.cloudfront_only ? [${props.cloudfrontOriginHeader}] : []`,
      content: { http_header: { http_header_name: "${condition.value.name}", values: ["${condition.value.value}"] } },
    },
  ]);
  return targetGroups;
}
