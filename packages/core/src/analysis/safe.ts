/**
 * Presenter-safe models: people lose their names (they become their stable codes `P001`, ...) and roles, before
 * any analysis runs, so no later step can leak them. Organisation names stay. Emails never enter the model.
 */
import type { AttendanceModel } from '../types.js';

/** A copy of the model in which every person's name is their code and every role is gone. */
export function safeModel(model: AttendanceModel): AttendanceModel {
  return {
    ...model,
    people: model.people.map((p) => ({ ...p, name: p.id })),
    attendance: { ...model.attendance, role: model.attendance.role.map(() => null) },
  };
}

/**
 * Replace every person name of `original` that occurs in `text` by the person's code (longest names first, whole
 * words only). A last line of defence for plain-language texts built from a model that still had names.
 */
export function scrubPersonNames(text: string, original: AttendanceModel): string {
  const people = [...original.people].filter((p) => p.name.trim().length > 0).sort((a, b) => b.name.length - a.name.length || (a.id < b.id ? -1 : 1));
  let out = text;
  for (const p of people) {
    if (!out.includes(p.name)) continue;
    out = out.split(p.name).join(p.id);
  }
  return out;
}
