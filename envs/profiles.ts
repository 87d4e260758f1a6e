import { EnvProfile } from "./profile";

/** Two AZs behind one NAT gateway, the smallest sizes, Spot for stateless roles, nothing protected. */
export const dev: EnvProfile = {
  name: "dev",
  region: "ap-northeast-2",
  cidr: "10.40.0.0/16",
  azs: ["ap-northeast-2a", "ap-northeast-2c"],
  profile: "dev",
  protectData: false,
};

/** Three AZs with a NAT gateway each, the design's sizing, and data no plan can destroy. */
export const prod: EnvProfile = {
  name: "prod",
  region: "ap-northeast-2",
  cidr: "10.50.0.0/16",
  azs: ["ap-northeast-2a", "ap-northeast-2b", "ap-northeast-2c"],
  profile: "prod",
  protectData: true,
};

export const ENV_PROFILES = [dev, prod];
