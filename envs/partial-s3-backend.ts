import { TerraformBackend, TerraformRemoteState } from "cdktf";
import { Construct } from "constructs";

/** The parts of the S3 backend an env fixes; bucket and region come from `-backend-config`. */
export interface PartialS3BackendProps {
  /** Path of the state object in the bucket. */
  readonly key: string;
}

/**
 * An S3 backend without a bucket: a partial configuration completed at `terraform init`, so the
 * synthesized roots name no account's bucket. State is encrypted at rest and locked with S3's
 * native lock file (Terraform 1.10+), so no DynamoDB table is needed.
 */
export class PartialS3Backend extends TerraformBackend {
  constructor(
    scope: Construct,
    private readonly props: PartialS3BackendProps,
  ) {
    super(scope, "backend", "s3");
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { key: this.props.key, encrypt: true, use_lockfile: true };
  }

  public getRemoteStateDataSource(_scope: Construct, name: string): TerraformRemoteState {
    throw new Error(`${name}: envs share no state; pass values between stacks as props instead of remote state.`);
  }
}
