/** How one role of an LGTM component runs as its own ECS service. */
export interface RoleProcess {
  /** Cloud Map service name; the role's address is `<serviceName>.<namespace>`. */
  readonly serviceName: string;
  /**
   * Arguments after `-config.file=<path>`: the `-target` of a role that shares its component's
   * config file with other roles.
   */
  readonly flags: readonly string[];
  /**
   * Directories the role writes to. The image's user (`LGTM_IMAGES[…].uid`) owns or may create
   * each, so the container's own writable layer can hold them; a volume mounted at one must be
   * writable by that user.
   */
  readonly writableDirectories: readonly string[];
}
