import { IResolvable, Token } from "cdktf";
import { hcl, hclString } from "../../lib/hcl";

/** `yes` when the flag holds, else `no`: picked here for a literal flag, by Terraform for a token. */
export function pick(flag: boolean | IResolvable, yes: string, no: string): string {
  return typeof flag === "boolean" ? (flag ? yes : no) : hclString`${flag} ? ${yes} : ${no}`;
}

/** `days` plus `more`: added here for a literal, by Terraform for a token. */
export function plusDays(days: number, more: number): number {
  return Token.isUnresolved(days) ? Token.asNumber(hcl`${days} + ${more}`) : days + more;
}
