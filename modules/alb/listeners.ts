import { Lb } from "@cdktf/provider-aws/lib/lb";
import {
  LbListener,
  LbListenerDefaultActionFixedResponse,
  LbListenerDefaultActionRedirect,
  lbListenerDefaultActionFixedResponseToTerraform,
  lbListenerDefaultActionRedirectToTerraform,
} from "@cdktf/provider-aws/lib/lb-listener";
import { Construct } from "constructs";
import { countIf, tagged } from "../../lib/choose";
import { hcl, hclString } from "../../lib/hcl";
import { containsToken } from "../../lib/inputs";
import { ResolvedInputs } from "./alb-inputs";
import { addDynamicBlock } from "./blocks";
import { AlbProps } from "./props";

/** TLS 1.3, with TLS 1.2 and forward-secret ciphers for older clients: AWS's recommended policy. */
export const TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";

const NOT_FOUND: LbListenerDefaultActionFixedResponse = { contentType: "text/plain", messageBody: "Not found", statusCode: "404" };
const TO_HTTPS: LbListenerDefaultActionRedirect = { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" };

/** The listeners of a load balancer. */
export interface Listeners {
  readonly http: LbListener;
  /** `count`-ed: one with a certificate. */
  readonly https: LbListener;
  /** ARN of the listener the routes' rules hang on: HTTPS with a certificate, else HTTP. */
  readonly routesListenerArn: string;
}

/**
 * With a certificate: HTTPS on 443 and a permanent redirect from 80 to it. Without: HTTP on 80
 * only. Whatever no route matches gets a fixed 404, so the load balancer never guesses a target.
 */
export function addListeners(scope: Construct, props: Required<AlbProps>, inputs: ResolvedInputs, lb: Lb): Listeners {
  const { https } = inputs;
  const http = new LbListener(scope, "http:listener", {
    loadBalancerArn: lb.arn,
    port: 80,
    protocol: "HTTP",
    defaultAction: [
      containsToken(https)
        ? { type: hclString`${https} ? "redirect" : "fixed-response"` }
        : https
          ? { type: "redirect", redirect: TO_HTTPS }
          : { type: "fixed-response", fixedResponse: NOT_FOUND },
    ],
    tags: tagged(props.tags, `${props.name}-http`),
  });
  if (containsToken(https)) {
    // The provider rejects a default action holding the block of another type, so only one is written.
    addDynamicBlock(http, "default_action.0.", "redirect", hcl`${https} ? [true] : []`, lbListenerDefaultActionRedirectToTerraform(TO_HTTPS));
    addDynamicBlock(http, "default_action.0.", "fixed_response", hcl`${https} ? [] : [true]`, lbListenerDefaultActionFixedResponseToTerraform(NOT_FOUND));
  }

  const secure = new LbListener(scope, "https:listener", {
    count: countIf(https),
    loadBalancerArn: lb.arn,
    port: 443,
    protocol: "HTTPS",
    sslPolicy: TLS_POLICY,
    certificateArn: props.certificateArn ?? undefined,
    defaultAction: [{ type: "fixed-response", fixedResponse: NOT_FOUND }],
    tags: tagged(props.tags, `${props.name}-https`),
  });

  const routesListenerArn = containsToken(https) ? hclString`${https} ? ${secure.fqn}[0].arn : ${http.arn}` : https ? hclString`${secure.fqn}[0].arn` : http.arn;
  return { http, https: secure, routesListenerArn };
}
