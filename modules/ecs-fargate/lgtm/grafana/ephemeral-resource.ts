import { TerraformElement } from "cdktf";
import { Construct } from "constructs";
import { hclString, raw } from "../../../../lib/hcl";

/**
 * A top-level `ephemeral` block (Terraform 1.10+). cdktf 0.21 has no class for them: this element
 * renders the block itself, and its attributes are referenced as `ephemeral.<type>.<name>.<attr>`.
 * Terraform opens it on every plan and apply and keeps its values out of plan and state; they may
 * only flow into write-only arguments, provider settings and other ephemeral values.
 */
export class EphemeralResource extends TerraformElement {
  constructor(
    scope: Construct,
    id: string,
    private readonly resourceType: string,
    private readonly config: Readonly<Record<string, unknown>>,
  ) {
    super(scope, id, `ephemeral.${resourceType}`);
  }

  /** A reference to one of its attributes. */
  public attribute(name: string): string {
    return hclString`${this.fqn}.${raw(name)}`;
  }

  public toTerraform(): object {
    return { ephemeral: { [this.resourceType]: { [this.friendlyUniqueId]: this.config } } };
  }
}
