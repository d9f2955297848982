import {
  createContext,
  ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useState,
} from 'react';
import { ResponseErrorPanel } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';

interface PageErrorsValue {
  /** Grows on every retry; cards put it in their load dependencies to load again. */
  attempt: number;
  report(id: string, error: Error | undefined): void;
}

const PageErrorsContext = createContext<PageErrorsValue | undefined>(undefined);

/**
 * Collects the load errors of the cards below it and shows them once, at the top, with one
 * Retry that reloads every card. When the backend is down every card fails the same way, and
 * the same "Request failed with 500" repeated in each card hid the page and offered no way out.
 */
export function PageErrorsProvider(props: { children: ReactNode }) {
  const [attempt, setAttempt] = useState(0);
  const [errors, setErrors] = useState<ReadonlyMap<string, Error>>(new Map());
  const report = useCallback((id: string, error: Error | undefined) => {
    setErrors(previous => {
      if (previous.get(id) === error) return previous;
      const next = new Map(previous);
      if (error) next.set(id, error);
      else next.delete(id);
      return next;
    });
  }, []);
  const retry = useCallback(() => {
    setErrors(new Map());
    setAttempt(previous => previous + 1);
  }, []);
  const value = useMemo(() => ({ attempt, report }), [attempt, report]);
  const first = errors.values().next().value as Error | undefined;
  return (
    <PageErrorsContext.Provider value={value}>
      {first && (
        <Box mb={2}>
          <ResponseErrorPanel error={first} />
          <Box mt={1} display="flex" alignItems="center" style={{ gap: 16 }}>
            <Button variant="contained" color="primary" onClick={retry}>
              Retry
            </Button>
            <Typography variant="body2">
              {errors.size === 1
                ? 'One part of this page could not be loaded.'
                : `${errors.size} parts of this page could not be loaded.`}
            </Typography>
          </Box>
        </Box>
      )}
      {props.children}
    </PageErrorsContext.Provider>
  );
}

/** The retry attempt of the surrounding page (0 outside a PageErrorsProvider). */
export function usePageRetry(): number {
  return useContext(PageErrorsContext)?.attempt ?? 0;
}

/**
 * A card's load error: reported to the page's single error panel when there is one (the card
 * then says only that it is not loaded), or shown in the card itself when used alone.
 */
export function CardError(props: { error?: Error }) {
  const { error } = props;
  const context = useContext(PageErrorsContext);
  const id = useId();
  const report = context?.report;
  useEffect(() => {
    if (!report) return undefined;
    report(id, error);
    return () => report(id, undefined);
  }, [report, id, error]);
  if (!error) return null;
  if (!context) return <ResponseErrorPanel error={error} />;
  return (
    <Typography variant="body2" color="textSecondary">
      Not loaded: see the error at the top of the page.
    </Typography>
  );
}
