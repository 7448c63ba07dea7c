'use client';

import Markdown, { defaultUrlTransform } from 'react-markdown';

/**
 * Markdown as React elements: raw HTML in it is never rendered (no rehype-raw), and links keep
 * only safe schemes (react-markdown's URL transform drops javascript: and the like).
 */
export default function MarkdownText({ content }: { content: string }) {
  return (
    <div className="panel-markdown space-y-2 text-sm leading-relaxed" data-testid="panel-text">
      <Markdown
        skipHtml
        urlTransform={defaultUrlTransform}
        components={{
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer" className="text-indigo-700 underline dark:text-indigo-300">
              {children}
            </a>
          ),
          h1: ({ children }) => <h3 className="text-base font-semibold">{children}</h3>,
          h2: ({ children }) => <h3 className="text-base font-semibold">{children}</h3>,
          h3: ({ children }) => <h4 className="font-semibold">{children}</h4>,
          ul: ({ children }) => <ul className="list-disc pl-5">{children}</ul>,
          ol: ({ children }) => <ol className="list-decimal pl-5">{children}</ol>,
          code: ({ children }) => (
            <code className="rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">{children}</code>
          ),
        }}
      >
        {content}
      </Markdown>
    </div>
  );
}
