// Passkeys: runs the WebAuthn ceremony behind each `[data-passkey]` block (register, signin, verify).
// The blocks are hidden until this script finds a browser that supports passkeys; then the text that
// explains the alternatives (`[data-passkey-fallback]`) is hidden instead. The server sends options
// as JSON (binary values in base64url); the browser's answer goes back the same way, and the reply
// names where to go next.
(() => {
  const w = window;
  const d = document;
  const blocks = d.querySelectorAll('[data-passkey]');
  if (!blocks.length) return;
  if (!w.PublicKeyCredential || !w.navigator.credentials || !w.fetch) return;

  const toBytes = (text) => {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const binary = w.atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  };
  const toText = (buffer) => {
    if (!buffer) return undefined;
    const bytes = new Uint8Array(buffer);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 1) binary += String.fromCharCode(bytes[i]);
    return w.btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  };
  const withIds = (list) => (list || []).map((c) => ({ ...c, id: toBytes(c.id) }));

  const post = async (url, csrf, body) => {
    const response = await w.fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw Error(String(response.status));
    return response.json();
  };

  const register = async (options) => {
    const credential = await w.navigator.credentials.create({
      publicKey: {
        ...options,
        challenge: toBytes(options.challenge),
        user: { ...options.user, id: toBytes(options.user.id) },
        excludeCredentials: withIds(options.excludeCredentials),
      },
    });
    const r = credential.response;
    return {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: {
        clientDataJSON: toText(r.clientDataJSON),
        attestationObject: toText(r.attestationObject),
        transports: r.getTransports ? r.getTransports() : [],
      },
    };
  };

  const authenticate = async (options) => {
    const credential = await w.navigator.credentials.get({
      publicKey: {
        ...options,
        challenge: toBytes(options.challenge),
        allowCredentials: withIds(options.allowCredentials),
      },
    });
    const r = credential.response;
    return {
      id: credential.id,
      rawId: toText(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: {
        clientDataJSON: toText(r.clientDataJSON),
        authenticatorData: toText(r.authenticatorData),
        signature: toText(r.signature),
        userHandle: toText(r.userHandle),
      },
    };
  };

  for (const block of blocks) {
    const button = block.querySelector('button');
    const status = block.querySelector('[role="status"]');
    if (!button || !status) continue;
    const data = block.dataset;
    block.hidden = false;
    const fallback = block.parentElement && block.parentElement.querySelector('[data-passkey-fallback]');
    if (fallback) fallback.hidden = true;

    button.addEventListener('click', async () => {
      button.disabled = true;
      status.textContent = data.working || '';
      try {
        const options = await post(data.optionsUrl, data.csrf, {});
        const response = data.passkey === 'register' ? await register(options) : await authenticate(options);
        const result = await post(data.finishUrl, data.csrf, { response, next: data.next });
        if (!result || typeof result.redirect !== 'string' || !/^\/(?![/\\])/.test(result.redirect)) {
          throw Error('redirect');
        }
        w.location.assign(result.redirect);
      } catch {
        status.textContent = data.failed || '';
        button.disabled = false;
      }
    });
  }
})();
