// IANA zone names, checked through Intl (via luxon). Creating an Intl formatter per check is
// slow and a repository repeats a handful of zones, so answers are remembered.
import { IANAZone } from 'luxon';

const known = new Map<string, boolean>();

export function isValidTimeZone(zone: string): boolean {
  let valid = known.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    known.set(zone, valid);
  }
  return valid;
}
