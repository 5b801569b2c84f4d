import { useFormAction, useNavigate, useSubmit } from "@remix-run/react";
import {
  createContext,
  useContext,
  type AnchorHTMLAttributes,
  type FormEvent,
  type FormHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from "react";
import { followClientSide } from "./client-link";

type PageForm = { action: string; submit: ReturnType<typeof useSubmit>; navigate: ReturnType<typeof useNavigate> };
const PageFormContext = createContext<PageForm | null>(null);

/**
 * For a page that draws many POST forms to its own action and many links (the meeting page has
 * about twenty forms and ten links): the action URL and Remix's submit and navigate functions are
 * worked out once for the page instead of once per form or link (each Remix `<Form>` resolves its
 * action through the route matches again, about 7 µs a form on the server, and each `<Link>` its
 * path, about 20 µs; see docs/decisions/0014-vendor-patches.md).
 */
export function PageForms({ children }: { children: ReactNode }) {
  const action = useFormAction();
  const submit = useSubmit();
  const navigate = useNavigate();
  return <PageFormContext.Provider value={{ action, submit, navigate }}>{children}</PageFormContext.Provider>;
}

type PageLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & {
  /** An absolute path ("/rapat") or a change of this page's address ("?ubah=rincian#rincian"). */
  to: string;
  preventScrollReset?: boolean;
};

/**
 * A link inside `<PageForms>` that navigates as Remix's `<Link>` does (`followClientSide`); without
 * JavaScript it is a plain link. `to` is written as given: the browser resolves "?…" against the
 * page's own address, as React Router does against the route's.
 */
export function PageLink({ to, preventScrollReset, onClick, ...props }: PageLinkProps) {
  const page = useContext(PageFormContext);
  if (!page) throw new Error("PageLink must be inside PageForms");
  const clickHandler = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    followClientSide(event, page.navigate, to, preventScrollReset);
  };
  return <a href={to} onClick={clickHandler} {...props} />;
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
