import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { VerifyReceiptForm } from "@/modules/bids/components/verify-receipt-form";
import { getInstanceKey } from "@/server/instance-key";

// A code block wider than a phone scrolls sideways: focusable, so a keyboard can scroll it too (WCAG 2.1.1)
const SCROLLABLE_CODE = "overflow-x-auto rounded bg-slate-100 p-2 text-xs focus:outline-2 focus:outline-brand-700";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("bids.verify"))("title") };
}

/** Public: anyone can check a bid receipt here, or offline with the public key below. */
export default async function VerifyReceiptPage() {
  const [t, key] = await Promise.all([getTranslations("bids.verify"), getInstanceKey()]);
  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
      </header>
      <Card>
        <VerifyReceiptForm />
      </Card>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("offlineTitle")}</h2>
        <p className="text-sm text-slate-700">{t("offlineIntro")}</p>
        <dl className="space-y-1 text-sm">
          <dt className="text-slate-600">{t("fingerprint")}</dt>
          <dd className="font-mono break-all" data-testid="instance-fingerprint">
            {key.fingerprint}
          </dd>
          <dt className="text-slate-600">{t("publicKey")}</dt>
          <dd>
            <pre tabIndex={0} aria-label={t("publicKey")} className={SCROLLABLE_CODE}>
              {key.publicKeyPem}
            </pre>
          </dd>
        </dl>
        <pre
          tabIndex={0}
          aria-label={t("offlineTitle")}
          className={SCROLLABLE_CODE}
        >{`curl -s ${"<alamat-lpse>"}/api/instance-key | node -e 'process.stdin.on("data",d=>process.stdout.write(JSON.parse(d).publicKeyPem))' > segel-public.pem
npx tsx src/cli/verify-receipt.ts tanda-terima.json segel-public.pem`}</pre>
      </section>
    </div>
  );
}
