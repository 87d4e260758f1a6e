import { DEV_SIZING, PROD_SIZING } from "../modules/ecs-fargate/lgtm/sizing/sizing";
import { EnvProfile } from "./profile";

/** Cheapest shape that still behaves like prod: two AZs, one NAT gateway, short retention everywhere. */
export const dev: EnvProfile = {
  name: "dev",
  region: "ap-northeast-2",
  network: {
    cidr: "10.40.0.0/16",
    azs: ["ap-northeast-2a", "ap-northeast-2c"],
    natGatewayMode: "single",
    enableFlowLogs: true,
    flowLogsRetentionDays: 14,
  },
  // Example domain, and HTTP only, until issue 10 brings the env's domain and certificate.
  alb: { domain: "dev.lgtm.example.com", deletionProtection: false },
  storage: { mimirRetentionDays: 30, lokiRetentionDays: 14, tempoRetentionDays: 3, pyroscopeRetentionDays: 7 },
  protectData: false,
  // Stateless services lean on Spot (one task on FARGATE keeps them up through a Spot reclaim).
  ecs: {
    capacityProviderStrategy: [
      { capacity_provider: "FARGATE", weight: 1, base: 1 },
      { capacity_provider: "FARGATE_SPOT", weight: 3 },
    ],
    logRetentionDays: 14,
  },
  lgtm: { sizing: DEV_SIZING, lokiInfoRetentionDays: 3 },
};

/**
 * Three AZs with a NAT gateway each, so losing an AZ never cuts another AZ's egress; interface
 * endpoints keep image pulls, logs and secrets off the NAT path; a year of metrics and logs that
 * no plan can destroy.
 */
export const prod: EnvProfile = {
  name: "prod",
  region: "ap-northeast-2",
  network: {
    cidr: "10.50.0.0/16",
    azs: ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"],
    natGatewayMode: "per_az",
    interfaceEndpoints: ["ecr.api", "ecr.dkr", "logs", "sts", "secretsmanager", "ssm"],
    enableFlowLogs: true,
    flowLogsRetentionDays: 365,
  },
  // Example domain, and HTTP only, until issue 10 brings the env's domain and certificate.
  alb: { domain: "lgtm.example.com", deletionProtection: true },
  storage: { mimirRetentionDays: 365, lokiRetentionDays: 365, tempoRetentionDays: 7, pyroscopeRetentionDays: 30 },
  protectData: true,
  ecs: {
    capacityProviderStrategy: [{ capacity_provider: "FARGATE", weight: 1 }],
    logRetentionDays: 90,
  },
  lgtm: { sizing: PROD_SIZING, lokiInfoRetentionDays: 30 },
};

export const ENV_PROFILES = [dev, prod];
