import Link from 'next/link';

export default function NotFoundPage() {
  return (
    <div
      role="alert"
      className="mx-auto mt-10 max-w-xl rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900"
    >
      <p className="font-medium">Page not found</p>
      <p className="mt-1">
        Nothing lives at this address.{' '}
        <Link className="text-indigo-700 underline dark:text-indigo-300" href="/">
          Go to the overview
        </Link>
        .
      </p>
    </div>
  );
}
