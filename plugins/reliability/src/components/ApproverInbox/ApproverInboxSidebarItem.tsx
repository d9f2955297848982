import { SidebarItem } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Badge from '@material-ui/core/Badge';
import AssignmentTurnedInIcon from '@material-ui/icons/AssignmentTurnedIn';
import { useEffect, useState } from 'react';
import { reliabilityApiRef } from '../../api';

/** How often the count is refreshed. */
const REFRESH_MS = 60_000;

/** "Approvals" in the sidebar, with how many decisions wait for the signed-in user. */
export function ApproverInboxSidebarItem(props: { to?: string }) {
  const api = useApi(reliabilityApiRef);
  const [count, setCount] = useState(0);
  useEffect(() => {
    let active = true;
    const load = () =>
      api.getInbox().then(
        inbox => active && setCount(inbox.items.length),
        // A count that cannot be read is no reason to break the sidebar.
        () => active && setCount(0),
      );
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [api]);
  return (
    <SidebarItem
      icon={() => (
        <Badge
          badgeContent={count}
          color="secondary"
          overlap="rectangular"
          data-testid="approvals-count"
        >
          <AssignmentTurnedInIcon fontSize="small" />
        </Badge>
      )}
      to={props.to ?? '/reliability/inbox'}
      text="Approvals"
    />
  );
}
