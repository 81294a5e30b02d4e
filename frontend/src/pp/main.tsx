import { mountApp } from '../shared/mountApp';
import './pp.css';
import { ppRoutes } from './PpApp';

mountApp(ppRoutes);
