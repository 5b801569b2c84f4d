import { useFormAction, useSubmit } from "@remix-run/react";
import { createContext, useContext, type FormEvent, type FormHTMLAttributes, type ReactNode } from "react";

type PageForm = { action: string; submit: ReturnType<typeof useSubmit> };
const PageFormContext = createContext<PageForm | null>(null);

/**
 * For a page that draws many POST forms to its own action (the meeting page has about twenty): the
 * action URL and Remix's submit function are worked out once for the page instead of once per form
 * (each Remix `<Form>` resolves its action through the route matches again, about 7 µs a form on the
 * server; see docs/decisions/0014-vendor-patches.md).
 */
export function PageForms({ children }: { children: ReactNode }) {
  const action = useFormAction();
  const submit = useSubmit();
  return <PageFormContext.Provider value={{ action, submit }}>{children}</PageFormContext.Provider>;
}

type PostFormProps = Omit<FormHTMLAttributes<HTMLFormElement>, "method" | "action"> & { preventScrollReset?: boolean };

/**
 * A POST form to the page's own action, inside `<PageForms>`. It submits as Remix's `<Form>` does:
 * without JavaScript as a plain form post, with it through Remix (pending state, revalidation, the
 * pressed button's name and value sent along).
 */
export function PostForm({ preventScrollReset, onSubmit, ...props }: PostFormProps) {
  const page = useContext(PageFormContext);
  if (!page) throw new Error("PostForm must be inside PageForms");
  const submitHandler = (event: FormEvent<HTMLFormElement>) => {
    onSubmit?.(event);
    if (event.defaultPrevented) return;
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | HTMLInputElement | null;
    page.submit(submitter ?? event.currentTarget, { method: "post", preventScrollReset });
  };
  return <form method="post" action={page.action} onSubmit={submitHandler} {...props} />;
}
