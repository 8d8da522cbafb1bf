/**
 * The ids seen most recently, at most `limit` of them: enough to know a
 * contract already judged (a board holds 5; a contract lives days, not
 * thousands of boards) without a set that grows with the campaign.
 */
export class RecentIds {
  private readonly ids = new Set<number>();

  constructor(private readonly limit = 4_096) {}

  has(id: number): boolean {
    return this.ids.has(id);
  }

  add(id: number): void {
    if (this.ids.has(id)) return;
    this.ids.add(id);
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value as number);
  }
}
