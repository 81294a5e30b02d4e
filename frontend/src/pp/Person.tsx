import { useSession } from '../shared/session';
import { ppSession } from './ppApi';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who did something, as people say it: the signed-in operator as "you", an email or a name as
 * it is; a bare id becomes "another operator" with the id in the tooltip (never a UUID in the text).
 */
export function Person({ id }: { id: string | null | undefined }) {
  const session = useSession(ppSession);
  if (!id) {
    return <>—</>;
  }
  const me = session?.principal;
  if (me && (id === me.operator_id || id.toLowerCase() === me.email.toLowerCase())) {
    return <>{me.display_name} (you)</>;
  }
  if (UUID.test(id)) {
    return <span title={id}>another operator</span>;
  }
  return <>{id}</>;
}
