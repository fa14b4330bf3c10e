import Link from 'next/link';
import { DesignList } from '../components/home/DesignList';
import { NewDesignActions } from '../components/home/NewDesignActions';
import { requirePageAccess } from '../lib/auth/pages';

export default async function HomePage() {
  await requirePageAccess('/');
  return (
    <div className="home">
      <header className="home__head">
        <div>
          <div className="brand brand--lg">Signalbox</div>
          <p className="muted">Draw Temporal workflows, read the code they become, deploy them and watch them run.</p>
        </div>
        <Link href="/executions" className="btn btn--ghost" data-testid="nav-executions">Executions</Link>
      </header>
      <NewDesignActions />
      <h2 className="section-title">Designs</h2>
      <DesignList />
    </div>
  );
}
