import { SecretsmanagerSecret } from "@cdktf/provider-aws/lib/secretsmanager-secret";
import { SecretsmanagerSecretVersion } from "@cdktf/provider-aws/lib/secretsmanager-secret-version";
import { Construct } from "constructs";
import { EphemeralResource } from "./ephemeral-resource";

/** Where Grafana's first admin password is kept. */
export interface GrafanaAdminSecretProps {
  /** Name of the Secrets Manager secret, e.g. `lgtm-prod/grafana/admin-password`. */
  readonly name: string;
  /** KMS key (id or ARN) encrypting the secret; absent, the account's `aws/secretsmanager` key. */
  readonly kmsKeyId?: string;
  /** Days a deleted secret stays recoverable: 0 deletes it at once, else 7 to 30 (AWS default 30). */
  readonly recoveryWindowInDays?: number;
  /** Tags of the secret. */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * A Secrets Manager secret holding a generated Grafana admin password that never appears in
 * configuration, plan or state: an ephemeral `aws_secretsmanager_random_password` (Secrets Manager's
 * GetRandomPassword, called on every plan and apply) is written through the write-only
 * `secret_string_wo`, which the provider sends only when `secret_string_wo_version` changes: the
 * version is written once, and raising the number writes a new password.
 */
export class GrafanaAdminSecret extends Construct {
  /** ARN of the secret, for the container's ECS `secrets` (the execution role reads it). */
  public readonly secretArn: string;
  /** Name of the secret, where an operator reads the password from. */
  public readonly secretName: string;

  constructor(scope: Construct, id: string, props: GrafanaAdminSecretProps) {
    super(scope, id);
    // Letters and digits only (32 of 62, ~190 bits): nothing that Grafana's `$__env{}` style
    // expansion, a shell or a URL would read specially.
    const password = new EphemeralResource(this, "admin_password", "aws_secretsmanager_random_password", {
      password_length: 32,
      exclude_punctuation: true,
    });
    const secret = new SecretsmanagerSecret(this, "admin_password:secret", {
      name: props.name,
      description: "Grafana's first admin password (user admin); generated, never in Terraform state",
      kmsKeyId: props.kmsKeyId,
      recoveryWindowInDays: props.recoveryWindowInDays,
      tags: props.tags,
    });
    new SecretsmanagerSecretVersion(this, "admin_password:version", {
      secretId: secret.id,
      secretStringWo: password.attribute("random_password"),
      secretStringWoVersion: 1,
    });
    this.secretArn = secret.arn;
    this.secretName = secret.name;
  }
}
