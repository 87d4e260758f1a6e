import { Construct } from "constructs";
import { InputRule, InputSpecs } from "./inputs";
import { MovedAddress } from "./moved";

/** Where a TSDoc-commented interface or class lives, so its member docs can be read. */
export interface DocSource {
  /** Absolute path of the TypeScript file. */
  readonly file: string;
  /** Name of the interface or class in it. */
  readonly declaration: string;
}

/**
 * Everything needed to publish a construct as a standard Terraform module: its inputs (one per
 * prop), the rules on them, and which construct attributes become outputs.
 */
export interface ModuleDefinition<P extends object, C extends Construct> {
  /** Folder name of the published module, e.g. `network`. */
  readonly name: string;
  /** The opening paragraph of the module README. */
  readonly summary: string;
  /** The folder under `terraform/examples/` whose `main.tf` is the README's usage; default the module's name. */
  readonly example?: string;
  /** The props interface; its TSDoc becomes the variable descriptions. */
  readonly props: DocSource;
  /** The construct class; the TSDoc of its attributes becomes the output descriptions. */
  readonly construct: DocSource;
  readonly inputs: InputSpecs<P>;
  readonly rules: readonly InputRule<P>[];
  create(scope: Construct, id: string, props: P): C;
  /** Construct attributes published as outputs, named in snake_case. */
  readonly outputs: readonly (keyof C & string)[];
  /** Addresses that changed since an earlier release, published as `moved` blocks. */
  readonly moved?: readonly MovedAddress[];
  /** The outputs that hold a secret: `sensitive`, so Terraform prints them only when asked by name. */
  readonly sensitiveOutputs?: readonly (keyof C & string)[];
  /**
   * Modules published inside this one under `modules/<name>/` (Terraform's nested modules), which
   * the construct calls when published (see `useBlock`). Without a README they are internal.
   */
  // `any`: each nested module has its own props and construct.
  readonly submodules?: readonly ModuleDefinition<any, any>[];
}
