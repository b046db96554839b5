import { ref } from 'vue'
import { visits } from '@/lib/api/visits'
import { OfflineQueue } from '@/lib/offlineQueue'

/** The phone's one queue of visits waiting for the network, and its count for the page. */
export const visitQueue = new OfflineQueue(localStorage, (v) => visits.log(v))
export const pendingCount = ref(visitQueue.count())
export const rejectedVisits = ref(visitQueue.rejected())

visitQueue.onChange(() => {
  pendingCount.value = visitQueue.count()
  rejectedVisits.value = visitQueue.rejected()
})

const RETRY_MS = 30_000
let started = false

/** Sends what waits when the network comes back, and now and then in case no `online` event fires. */
export function startVisitSync(): void {
  if (started) return
  started = true
  window.addEventListener('online', () => void visitQueue.flush())
  setInterval(() => { if (visitQueue.count() > 0) void visitQueue.flush() }, RETRY_MS)
  void visitQueue.flush()
}
