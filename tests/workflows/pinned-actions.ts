/**
 * Every third-party action the workflows use, at the commit they pin, with the inputs of that
 * release: the table @actions/languageservice needs to check `with:` offline (it would fetch
 * action.yml from GitHub; given nothing it reports "Unable to resolve action").
 *
 * Commits: the release tags as listed in ../shared/design/CI-AND-REVIEW.md section C. Inputs:
 * read from each action.yml at `inputsFrom`, a commit of the action's repository. For
 * checkout and setup-terraform that is the pinned commit itself. The other four releases were
 * newer than the repository snapshots that could be read offline, so their inputs come from the
 * newest snapshot commit of the same major; its action.yml has the same input names as the
 * release before it (setup-node v7.0.0, configure-aws-credentials v6.2.3, upload-artifact v7.0.0,
 * download-artifact v8.0.1). Bumping a pin means re-reading that release's action.yml here.
 */
export interface PinnedAction {
  /** `owner/name` as in `uses:`. */
  action: string;
  version: string;
  commit: string;
  inputsFrom: string;
  /** Input name → whether action.yml marks it `required: true`. */
  inputs: Record<string, boolean>;
}

const optional = (...names: string[]) => Object.fromEntries(names.map((name) => [name, false]));

export const PINNED_ACTIONS: PinnedAction[] = [
  {
    action: "actions/checkout",
    version: "v7.0.1",
    commit: "3d3c42e5aac5ba805825da76410c181273ba90b1",
    inputsFrom: "3d3c42e5aac5ba805825da76410c181273ba90b1",
    inputs: optional(
      "repository", "ref", "token", "ssh-key", "ssh-known-hosts", "ssh-strict", "ssh-user", "persist-credentials", "path", "clean",
      "filter", "sparse-checkout", "sparse-checkout-cone-mode", "fetch-depth", "fetch-tags", "show-progress", "lfs", "submodules",
      "set-safe-directory", "github-server-url", "allow-unsafe-pr-checkout",
    ),
  },
  {
    action: "actions/setup-node",
    version: "v7.1.0",
    commit: "949feb2413d6458794dcd2491c4babbbce0c15c1",
    inputsFrom: "ae0d4ed08881f17d1511386f5be3e62356acd4a6",
    inputs: optional(
      "node-version", "node-version-file", "architecture", "check-latest", "registry-url", "scope", "token", "cache",
      "package-manager-cache", "cache-dependency-path", "mirror", "mirror-token",
    ),
  },
  {
    action: "hashicorp/setup-terraform",
    version: "v4.0.1",
    commit: "dfe3c3f87815947d99a8997f908cb6525fc44e9e",
    inputsFrom: "dfe3c3f87815947d99a8997f908cb6525fc44e9e",
    inputs: optional("cli_config_credentials_hostname", "cli_config_credentials_token", "terraform_version", "terraform_wrapper"),
  },
  {
    action: "aws-actions/configure-aws-credentials",
    version: "v6.3.0",
    commit: "e1253824e5c10ff9df46874f81ed3ec929e19cfd",
    inputsFrom: "bcd4089080cf41e4db9dad11fce2a9397e670bbd",
    inputs: {
      "aws-region": true,
      ...optional(
        "aws-profile", "overwrite-aws-profile", "role-to-assume", "aws-access-key-id", "aws-secret-access-key", "aws-session-token",
        "web-identity-token-file", "role-chaining", "audience", "http-proxy", "no-proxy", "mask-aws-account-id", "role-duration-seconds",
        "role-external-id", "role-session-name", "role-skip-session-tagging", "transitive-tag-keys", "inline-session-policy",
        "managed-session-policies", "output-credentials", "output-env-credentials", "unset-current-credentials", "disable-retry",
        "retry-max-attempts", "special-characters-workaround", "use-existing-credentials", "allowed-account-ids", "force-skip-oidc",
        "action-timeout-s", "custom-tags", "sts-endpoint",
      ),
    },
  },
  {
    action: "actions/upload-artifact",
    version: "v7.0.2",
    commit: "cf430e030ddbb5b0abf93d22962f4752f3646cd9",
    inputsFrom: "bbbca2ddaa5d8feaa63e36b76fdaad77386f024f",
    inputs: {
      path: true,
      ...optional("name", "if-no-files-found", "retention-days", "compression-level", "overwrite", "include-hidden-files", "archive"),
    },
  },
  {
    action: "actions/download-artifact",
    version: "v8.0.2",
    commit: "9000827ccba6bdab643e8b6fd33ac0654aef8333",
    inputsFrom: "484a0b528fb4d7bd804637ccb632e47a0e638317",
    inputs: optional(
      "name", "artifact-ids", "path", "pattern", "merge-multiple", "github-token", "repository", "run-id", "skip-decompress",
      "digest-mismatch",
    ),
  },
];
