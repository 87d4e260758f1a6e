import { TerraformDataSource, TerraformElement, TerraformResource, TerraformStack } from "cdktf";
import { IConstruct, Node } from "constructs";

/**
 * A stack whose Terraform addresses are read off the construct tree: the construct ids below the
 * stack joined by `_`, without `Default`, and without a trailing `this` unless it stands alone.
 * `aws_subnet.private` in a published module, `aws_subnet.network_private` in an env. Text after a
 * colon in an id only keeps siblings apart (`new RouteTable(this, "public:routes")` beside
 * `new Subnet(this, "public")`) and is not part of the address. Addresses are
 * a public contract (state is keyed by them), so a collision is an error, never a silent suffix.
 */
export class ReadableStack extends TerraformStack {
  private readonly allocated = new Map<string, IConstruct>();

  protected allocateLogicalId(element: TerraformElement | Node): string {
    const scopes = (element instanceof Node ? element : element.node).scopes;
    const construct = scopes[scopes.length - 1];
    const ids = scopes
      .slice(scopes.indexOf(this) + 1)
      .map((scope) => scope.node.id.split(":")[0])
      .filter((id) => id !== "Default");
    if (ids.length > 1 && ids[ids.length - 1] === "this") ids.pop();
    const logicalId = ids.join("_").replace(/-/g, "_");
    const key = `${addressKind(construct)}.${logicalId}`;
    const holder = this.allocated.get(key);
    if (holder && holder !== construct) {
      throw new Error(`${key} is allocated twice: ${holder.node.path} and ${construct.node.path}. Give one construct another id.`);
    }
    this.allocated.set(key, construct);
    return logicalId;
  }
}

function addressKind(element: IConstruct): string {
  if (element instanceof TerraformDataSource) return `data.${element.terraformResourceType}`;
  if (element instanceof TerraformResource) return element.terraformResourceType;
  return element.constructor.name;
}
