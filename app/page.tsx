import { redirect } from 'next/navigation';

/** The overview arrives with its own issue; until then the first page is workflow latency. */
export default function Home() {
  redirect('/workflows');
}
