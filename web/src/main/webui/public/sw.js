// Keeps the app shell so the rep's page opens without network. API calls always go to the network
// (the app queues visits itself when offline); /config.json too, with the last copy as fallback.
const CACHE = 'crm-shell-v1'
const SHELL = ['/', '/index.html', '/manifest.webmanifest', '/icon.svg']

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/q/')) return
  if (url.pathname === '/config.json') {
    event.respondWith(fetch(request).then((response) => {
      const copy = response.clone()
      if (response.ok) caches.open(CACHE).then((cache) => cache.put('/config.json', copy))
      return response
    }).catch(() => caches.match('/config.json')))
    return
  }
  if (request.mode === 'navigate') {
    // A page route: the network first, the cached shell when offline.
    event.respondWith(fetch(request).catch(() => caches.match('/index.html')))
    return
  }
  if (url.pathname.startsWith('/assets/')) {
    // Built assets have content hashes in their names, so a cached copy is never stale.
    event.respondWith(
      caches.match(request).then((hit) => hit || fetch(request).then((response) => {
        const copy = response.clone()
        if (response.ok) caches.open(CACHE).then((cache) => cache.put(request, copy))
        return response
      })),
    )
  }
})
