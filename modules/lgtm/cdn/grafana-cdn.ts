import { CloudfrontDistribution } from "@cdktf/provider-aws/lib/cloudfront-distribution";
import { DataAwsCloudfrontCachePolicy } from "@cdktf/provider-aws/lib/data-aws-cloudfront-cache-policy";
import { DataAwsCloudfrontOriginRequestPolicy } from "@cdktf/provider-aws/lib/data-aws-cloudfront-origin-request-policy";
import { Construct } from "constructs";
import { tagged } from "../../../lib/choose";
import { hcl } from "../../../lib/hcl";
import { checkInputs, containsToken, withDefaults } from "../../../lib/inputs";
import { completeAccessLogs, grafanaCdnInputs, grafanaCdnRules } from "./inputs";
import { ORIGIN_HEADER_NAME, addOriginHeaderSecret } from "./origin-header";
import { GrafanaCdnProps } from "./props";

/** Every method Grafana's UI and API use; CloudFront caches none of their answers here. */
const ALL_METHODS = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];
const ORIGIN_ID = "alb";

/**
 * Seconds CloudFront waits for the load balancer's answer: the most allowed without a quota
 * increase (default 30), so a slow query ends in Grafana's own error (its data proxy gives up at
 * 30 s) rather than in CloudFront's 504 at the same moment.
 */
const ORIGIN_READ_TIMEOUT = 60;

/**
 * CloudFront in front of Grafana only: one custom origin, the load balancer over HTTPS (TLS 1.2),
 * with a secret header the load balancer's `cloudfront_only` route requires. Nothing is cached:
 * Grafana's UI and API are per user and live. The viewer's `Host` (one of the aliases) is forwarded,
 * since the origin is reached by the load balancer's own DNS name and the load balancer routes,
 * and CloudFront checks its certificate, by that host. Grafana Live's WebSocket (`/api/live/ws`)
 * works because every viewer header, `Sec-WebSocket-Key` and `Sec-WebSocket-Version` included,
 * reaches the origin. Ingestion never goes through it: push endpoints have hosts of their own.
 */
export class GrafanaCdn extends Construct {
  /** Domain name of the distribution (`d111111abcdef8.cloudfront.net`), for the aliases' Route 53 alias or CNAME records. */
  public readonly domainName: string;
  /** Route 53 hosted zone ID of the distribution, for alias records. */
  public readonly hostedZoneId: string;
  /** ID of the distribution, e.g. for invalidations. */
  public readonly distributionId: string;
  /** ARN of the distribution. */
  public readonly distributionArn: string;
  /** Name of the header CloudFront adds to its requests to the load balancer: the alb's `cloudfront_origin_header.name`. */
  public readonly originHeaderName: string;
  /** Secret value of that header: the alb's `cloudfront_origin_header.value`. Sensitive; it is in state (the distribution's and the listener rule's). */
  public readonly originHeaderValue: string;
  /** ARN of the Secrets Manager secret holding the header's value. */
  public readonly originHeaderSecretArn: string;

  constructor(scope: Construct, id: string, input: GrafanaCdnProps) {
    super(scope, id);
    const props = withDefaults(input, grafanaCdnInputs);
    checkInputs(`GrafanaCdn ${this.node.path}`, props, grafanaCdnInputs, grafanaCdnRules);

    const secret = addOriginHeaderSecret(this, { name: props.name, tags: tagged(props.tags, `${props.name}-cloudfront-origin-header`) });
    // AWS's managed policies, by name: nothing cached, and the whole viewer request (Host, cookies,
    // query strings, Authorization for API tokens, the WebSocket handshake headers) sent on.
    const noCaching = new DataAwsCloudfrontCachePolicy(this, "caching-disabled", { name: "Managed-CachingDisabled" });
    const allViewer = new DataAwsCloudfrontOriginRequestPolicy(this, "all-viewer", { name: "Managed-AllViewer" });

    const distribution = new CloudfrontDistribution(this, "this", {
      enabled: true,
      comment: `Grafana of ${props.name}`,
      aliases: props.aliases,
      priceClass: props.priceClass,
      httpVersion: "http2and3",
      isIpv6Enabled: true,
      webAclId: props.webAclArn ?? undefined,
      origin: [
        {
          originId: ORIGIN_ID,
          domainName: props.originDomainName,
          customOriginConfig: {
            httpPort: 80,
            httpsPort: 443,
            originProtocolPolicy: "https-only",
            originSslProtocols: ["TLSv1.2"],
            originReadTimeout: ORIGIN_READ_TIMEOUT,
          },
          customHeader: [{ name: ORIGIN_HEADER_NAME, value: secret.value }],
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: ORIGIN_ID,
        viewerProtocolPolicy: "redirect-to-https",
        allowedMethods: ALL_METHODS,
        cachedMethods: ["GET", "HEAD"],
        cachePolicyId: noCaching.id,
        originRequestPolicyId: allViewer.id,
      },
      viewerCertificate: { acmCertificateArn: props.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
      restrictions: { geoRestriction: { restrictionType: "none" } },
      tags: tagged(props.tags, `${props.name}-grafana`),
    });
    const accessLogs = containsToken(props.accessLogs) ? props.accessLogs : completeAccessLogs(props.accessLogs);
    if (containsToken(accessLogs)) {
      distribution.addOverride("dynamic.logging_config", {
        for_each: hcl`${accessLogs} == null ? [] : [${accessLogs}]`,
        content: { bucket: "${logging_config.value.bucket}.s3.amazonaws.com", prefix: "${logging_config.value.prefix}", include_cookies: false },
      });
    } else if (accessLogs !== null) {
      distribution.putLoggingConfig({ bucket: `${accessLogs.bucket}.s3.amazonaws.com`, prefix: accessLogs.prefix, includeCookies: false });
    }

    this.domainName = distribution.domainName;
    this.hostedZoneId = distribution.hostedZoneId;
    this.distributionId = distribution.id;
    this.distributionArn = distribution.arn;
    this.originHeaderName = ORIGIN_HEADER_NAME;
    this.originHeaderValue = secret.value;
    this.originHeaderSecretArn = secret.secretArn;
  }
}
