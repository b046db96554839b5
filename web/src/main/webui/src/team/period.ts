import { addDays, businessDate } from '@/lib/format'

export type Preset = 'month' | 'quarter' | 'last30'

/** The from/to dates (inclusive) of a preset period around `today`. */
export function presetRange(preset: Preset, today: string = businessDate()): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number)
  if (preset === 'last30') return { from: addDays(today, -29), to: today }
  const firstMonth = preset === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1
  const months = preset === 'month' ? 1 : 3
  const from = `${y}-${String(firstMonth).padStart(2, '0')}-01`
  const nextStart = new Date(Date.UTC(y, firstMonth - 1 + months, 1))
  const to = addDays(nextStart.toISOString().slice(0, 10), -1)
  return { from, to }
}
