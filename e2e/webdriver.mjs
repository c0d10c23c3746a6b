// A small W3C WebDriver client over fetch, for tauri-driver (which forwards
// to WebKitWebDriver). Only what the end-to-end test needs.

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

export class Driver {
  /** `output`, if given, returns the last lines the driver and the app printed. */
  constructor(base = 'http://127.0.0.1:4444', output = () => '') {
    this.base = base;
    this.session = null;
    this.output = output;
  }

  async cmd(method, path, body) {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok || (json.value && json.value.error)) {
      const v = json.value || {};
      throw new Error(`WebDriver ${method} ${path}: ${v.error || res.status}: ${v.message || JSON.stringify(json)}`);
    }
    return json.value;
  }

  /** Starts the app: `application` is the binary, `args` its command line. */
  async start(application, args = []) {
    const value = await this.cmd('POST', '/session', {
      capabilities: { alwaysMatch: { 'tauri:options': { application, args } } },
    });
    this.session = value.sessionId;
    return this;
  }

  async quit() {
    if (!this.session) return;
    const s = this.session;
    this.session = null;
    await this.cmd('DELETE', `/session/${s}`).catch(() => {});
  }

  s(path) {
    return `/session/${this.session}${path}`;
  }

  async execute(script, args = []) {
    return this.cmd('POST', this.s('/execute/sync'), { script, args });
  }

  async find(css) {
    const v = await this.cmd('POST', this.s('/element'), { using: 'css selector', value: css });
    return v[ELEMENT];
  }

  async findAll(css) {
    const v = await this.cmd('POST', this.s('/elements'), { using: 'css selector', value: css });
    return v.map((e) => e[ELEMENT]);
  }

  // The window re-renders when data arrives (claims come a page at a time),
  // so an element found a moment ago may be gone or covered: each action
  // finds its element afresh and is retried until it lands.

  async click(css) {
    await this.waitFor(async () => {
      const id = await this.find(css);
      await this.cmd('POST', this.s(`/element/${id}/click`), {});
      return true;
    }, `${css} to be clicked`);
  }

  async type(css, text) {
    await this.waitFor(async () => {
      const id = await this.find(css);
      await this.cmd('POST', this.s(`/element/${id}/clear`), {}).catch(() => {});
      await this.cmd('POST', this.s(`/element/${id}/value`), { text });
      return true;
    }, `${css} to take the text`);
  }

  async text(css) {
    return this.waitFor(async () => {
      const id = await this.find(css);
      const t = await this.cmd('GET', this.s(`/element/${id}/text`));
      return { t };
    }, `${css} to appear`).then((v) => v.t);
  }

  async screenshot() {
    return Buffer.from(await this.cmd('GET', this.s('/screenshot')), 'base64');
  }

  /**
   * Polls `fn` until it returns a truthy value (errors count as not yet).
   * A session that has ended (the app exited) fails at once, with what the
   * app and the driver printed last: waiting longer cannot bring it back.
   */
  async waitFor(fn, what, timeout = 20000) {
    const end = Date.now() + timeout;
    let last;
    while (Date.now() < end) {
      try {
        const v = await fn();
        if (v) return v;
      } catch (e) {
        last = e;
        if (/invalid session id/.test(e.message)) {
          throw new Error(`the app's session ended while waiting for ${what} (${e.message}); the app and the driver printed last:\n${this.output()}`);
        }
      }
      await new Promise((r) => setTimeout(r, 150));
    }
    throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
  }
}
