import { Form } from "@remix-run/react";

/** A GET form: the code typed here opens /verifikasi/:code. */
export function VerifyCodeForm({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <Form method="get" action="/verifikasi" className="row">
      <div className="field">
        <label htmlFor="f-kode">Kode verifikasi</label>
        <input id="f-kode" name="kode" defaultValue={defaultValue} maxLength={200} autoComplete="off" spellCheck={false} />
      </div>
      <button type="submit" className="button">
        Periksa
      </button>
    </Form>
  );
}
