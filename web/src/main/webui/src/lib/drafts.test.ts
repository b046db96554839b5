import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { useDraft } from './drafts'

describe('form drafts', () => {
  it('keeps what was typed across a re-login and forgets it once sent', async () => {
    sessionStorage.clear()
    const first = ref({ summary: '', method: 'ONSITE' })
    useDraft('visit', first)
    first.value.summary = '与王总沟通预算'
    await nextTick()

    // The page is loaded again after Keycloak sends the user back.
    const again = ref({ summary: '', method: 'ONSITE' })
    const draft = useDraft('visit', again)
    expect(again.value).toEqual({ summary: '与王总沟通预算', method: 'ONSITE' })

    again.value = { summary: '', method: 'ONSITE' }
    draft.clear()
    expect(sessionStorage.getItem('crm.draft.visit')).toBeNull()
  })
})
