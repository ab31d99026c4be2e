// Passkey ceremonies for Misemori's own pages. Loaded as a file with the page's CSP nonce: the
// policy allows no inline script or handler, so everything is wired here from data attributes.
'use strict';
(() => {
  /** A refusal the server explained: its text is shown as it is. */
  class Refusal extends Error {}

  const base64url = {
    encode(buffer) {
      return btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    },
    decode(text) {
      const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
      return Uint8Array.from(binary, (c) => c.charCodeAt(0)).buffer;
    }
  };

  async function post(element, url, body) {
    const headers = { 'Content-Type': 'application/json' };
    headers[element.dataset.csrfHeader] = element.dataset.csrf;
    const response = await fetch(url, {
      method: 'POST', credentials: 'same-origin', headers,
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const answer = await response.json().catch(() => ({}));
    return { ok: response.ok, answer };
  }

  function showError(text) {
    const error = document.getElementById('passkey-error');
    if (text) {
      error.textContent = text;
    }
    error.hidden = false;
  }

  async function signIn(button) {
    document.getElementById('passkey-error').hidden = true;
    try {
      const options = await post(button, button.dataset.options);
      if (!options.ok) {
        throw new Error('no options');
      }
      const publicKey = {
        ...options.answer,
        challenge: base64url.decode(options.answer.challenge),
        allowCredentials: (options.answer.allowCredentials || []).map((c) => ({ ...c, id: base64url.decode(c.id) }))
      };
      const credential = await navigator.credentials.get({ publicKey });
      const response = credential.response;
      const verified = await post(button, button.dataset.verify, {
        id: credential.id,
        rawId: base64url.encode(credential.rawId),
        type: credential.type,
        response: {
          authenticatorData: base64url.encode(response.authenticatorData),
          clientDataJSON: base64url.encode(response.clientDataJSON),
          signature: base64url.encode(response.signature),
          userHandle: response.userHandle ? base64url.encode(response.userHandle) : undefined
        },
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
      if (!verified.ok || !verified.answer.redirectUrl) {
        throw new Error('refused');
      }
      window.location.assign(verified.answer.redirectUrl);
    } catch (refused) {
      showError();
    }
  }

  async function register(form) {
    document.getElementById('passkey-error').hidden = true;
    try {
      const options = await post(form, form.dataset.options);
      if (!options.ok) {
        if (options.answer.stepUp) {
          window.location.assign(options.answer.stepUp);
          return;
        }
        throw options.answer.error ? new Refusal(options.answer.error) : new Error('no options');
      }
      const publicKey = {
        ...options.answer,
        challenge: base64url.decode(options.answer.challenge),
        user: { ...options.answer.user, id: base64url.decode(options.answer.user.id) },
        excludeCredentials: (options.answer.excludeCredentials || []).map((c) => ({ ...c, id: base64url.decode(c.id) }))
      };
      const created = await navigator.credentials.create({ publicKey });
      const response = created.response;
      const saved = await post(form, form.dataset.register, {
        label: form.elements.label.value,
        credential: {
          id: created.id,
          rawId: base64url.encode(created.rawId),
          type: created.type,
          response: {
            attestationObject: base64url.encode(response.attestationObject),
            clientDataJSON: base64url.encode(response.clientDataJSON),
            transports: response.getTransports ? response.getTransports() : []
          },
          clientExtensionResults: created.getClientExtensionResults(),
          authenticatorAttachment: created.authenticatorAttachment
        }
      });
      if (!saved.ok) {
        throw saved.answer.error ? new Refusal(saved.answer.error) : new Error('refused');
      }
      window.location.assign(form.dataset.done);
    } catch (refused) {
      showError(refused instanceof Refusal ? refused.message : undefined);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const button = document.getElementById('passkey-sign-in');
    if (button) {
      button.addEventListener('click', () => signIn(button));
    }
    const form = document.getElementById('passkey-register');
    if (form) {
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        register(form);
      });
    }
  });
})();
