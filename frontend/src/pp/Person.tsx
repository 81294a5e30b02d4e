import { useQuery } from '@tanstack/react-query';
import { useSession } from '../shared/session';
import { ppApi, ppQueryKeys, ppSession } from './ppApi';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who did something, as people say it: the signed-in operator as "you", another operator by their
 * display name (from the operators' directory; the email in the tooltip), an email as it is; an id
 * nobody in the directory has becomes "another operator" with the id in the tooltip (never a UUID
 * in the text).
 */
export function Person({ id }: { id: string | null | undefined }) {
  const session = useSession(ppSession);
  const directory = useQuery({
    queryKey: ppQueryKeys.operators,
    queryFn: ppApi.operators,
    staleTime: 5 * 60_000,
    enabled: Boolean(id),
  });
  if (!id) {
    return <>—</>;
  }
  const me = session?.principal;
  if (me && (id === me.operator_id || id.toLowerCase() === me.email.toLowerCase())) {
    return <>{me.display_name} (you)</>;
  }
  const known = directory.data?.operators?.find(
    (operator) => operator.operator_id === id || operator.email.toLowerCase() === id.toLowerCase(),
  );
  if (known) {
    return <span title={known.email}>{known.display_name}</span>;
  }
  if (UUID.test(id)) {
    return <span title={id}>another operator</span>;
  }
  return <>{id}</>;
}
