import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { DesignList } from '@/components/home/DesignList';
import { NewDesignActions } from '@/components/home/NewDesignActions';
import { landingPageFor } from '@/lib/auth/landing';
import { currentUser, requirePageAccess } from './page-access';

export default async function HomePage() {
  const user = await currentUser();
  if (user && landingPageFor(user.roles) !== '/') redirect(landingPageFor(user.roles));
  await requirePageAccess('/');
  return (
    <div className="home">
      <header className="home__head">
        <div>
          <div className="brand brand--lg">Signalbox</div>
          <p className="muted">Draw Temporal workflows, read the code they become, deploy them and watch them run.</p>
        </div>
      </header>
      <NewDesignActions />
      <h2 className="section-title">Designs</h2>
      {/* The list reads its filters from the URL (useSearchParams). */}
      <Suspense fallback={null}>
        <DesignList />
      </Suspense>
    </div>
  );
}
